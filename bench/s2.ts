import type { Redis } from 'ioredis';
import { createKeys } from '../shared/keys.ts';
import { spawnTs, stopChild } from './arms.ts';
import { sendTargets } from './ipc.ts';
import { readArchive, readOut, decisionFigures, type DecisionFigures } from './decisions.ts';
import { summarizeEncoded, type LatencySummary } from './hdr.ts';
import { drained, maxLag, sampleLag, type LagSample } from './lag.ts';
import { redisDelta, round, sampleRedis, type RedisDelta } from './measure.ts';
import { startPipeline } from './pipeline.ts';
import { cpuDelta, cpuSnapshot } from './procs.ts';
import { sendsPerSession, type OpenLoopPlan } from './schedule.ts';

// S2, the whole pipeline sustained, open loop: N sessions each sending its realistic 30–60-line
// file once a second (bench/files.ts) through the real gateway socket, while snapshotter, trigger,
// agent and reporter run as under `npm start`. Measures frame→ack from the scheduled send time,
// every consumer group's lag each second, the time to drain once the load stops, how old the
// version behind each trigger decision was, update→question, and CPU per frame of every process.

export const S2_PLAN = {
  sessions: Number(process.env.BENCH_S2_SESSIONS ?? 1000),
  ratePerSec: Number(process.env.BENCH_S2_RATE ?? 1),
  durationMs: Number(process.env.BENCH_S2_DURATION_MS ?? 60_000),
  processes: Number(process.env.BENCH_S2_PROCESSES ?? 4),
  /** how long to wait for the groups to drain after the load stops before calling it not drained */
  drainWaitMs: Number(process.env.BENCH_S2_DRAIN_WAIT_MS ?? 60_000),
};

/** The trigger may ask early and on the update itself, so update→question is seen within a short run. */
export const S2_TRIGGER_ENV = { TRIGGER_QUIET_START_SEC: '5', TRIGGER_SETTLE_SEC: '0', TRIGGER_MIN_INTERVAL_SEC: '20' };

export interface S2Context { redis: Redis; redisUrl: string; databaseUrl: string; prefix: string; runId: string; tokenSecret: string }

export interface S2Result {
  plan: typeof S2_PLAN & { offeredPerSec: number; triggerEnv: Record<string, string> };
  sent: number;
  acks: number;
  unacked: number;
  errorCodes: Record<string, number>;
  ack: LatencySummary;
  lagEverySecond: { t: number; groups: LagSample }[];
  lagMax: ReturnType<typeof maxLag>;
  /** ms from the last scheduled send until every group had caught up; null: not within drainWaitMs */
  drainMs: number | null;
  cpuMicrosPerFrame: Record<string, number>;
  redis: RedisDelta & { cpuMicrosPerFrame: number; usedMemoryDelta: number };
  decisions: DecisionFigures;
}

const usedMemory = async (redis: Redis) => Number(/^used_memory:(\d+)/m.exec(await redis.info('memory'))?.[1] ?? 0);

export async function runS2(ctx: S2Context): Promise<S2Result> {
  const plan: OpenLoopPlan = { sessions: S2_PLAN.sessions, ratePerSec: S2_PLAN.ratePerSec, durationMs: S2_PLAN.durationMs };
  const prefix = `${ctx.prefix}s2`;
  const keys = createKeys(prefix);
  const pipeline = await startPipeline({ ...ctx, prefix, adminKey: `bench-admin-${ctx.runId}-key`, env: S2_TRIGGER_ENV });
  const loaders: ReturnType<typeof spawnTs>[] = [];
  try {
    const targets = await pipeline.createSessions(S2_PLAN.sessions);
    console.log(`S2: ${targets.length} sessions created; opening their sockets`);
    const per = Math.ceil(targets.length / S2_PLAN.processes);
    for (let p = 0; p < S2_PLAN.processes; p++) {
      const share = targets.slice(p * per, (p + 1) * per).map((t, i) => ({ ...t, index: p * per + i }));
      if (!share.length) continue;
      const c = spawnTs('bench/open-load.ts', { BENCH_PLAN: JSON.stringify(plan) }, true);
      sendTargets(c, share);
      loaders.push(c);
    }
    const next = (kind: string) => Promise.all(loaders.map((c) => new Promise<any>((resolve, reject) => {
      const onMsg = (m: any) => m.kind === kind && (c.off('message', onMsg), resolve(m));
      c.on('message', onMsg);
      c.once('exit', (code) => reject(new Error(`S2: a load process exited (${code}) before '${kind}'`)));
    })));
    await next('ready');
    const named = { ...Object.fromEntries(Object.entries(pipeline.pids).map(([k, pid]) => [k, [pid]])), loadClients: loaders.map((c) => c.pid!) };
    const cpuBefore = await cpuSnapshot(named, ctx.databaseUrl);
    const redisBefore = await sampleRedis(ctx.redis);
    const memBefore = await usedMemory(ctx.redis);
    const startEpochMs = Date.now() + 1000;
    const loadEnd = startEpochMs + (sendsPerSession(plan) - 1) * (1000 / plan.ratePerSec) + 1000 / plan.ratePerSec;
    const done = next('done');
    for (const c of loaders) c.send({ kind: 'go', startEpochMs });
    // lag every second until the groups have drained after the load (or the wait ends)
    const lagEverySecond: S2Result['lagEverySecond'] = [];
    let drainMs: number | null = null;
    let lastSample = 0;
    for (;;) {
      const now = Date.now();
      const s = await sampleLag(ctx.redis, keys);
      if (now - lastSample >= 1000) {
        lagEverySecond.push({ t: round((now - startEpochMs) / 1000, 1), groups: s });
        lastSample = now;
      }
      if (now >= loadEnd && drained(s)) {
        drainMs = Math.max(0, now - loadEnd);
        break;
      }
      if (now > loadEnd + S2_PLAN.drainWaitMs) break;
      await new Promise((r) => setTimeout(r, now >= loadEnd ? 100 : 250));
    }
    const results = await done;
    const cpuAfter = await cpuSnapshot(named, ctx.databaseUrl);
    const redisAfter = await sampleRedis(ctx.redis);
    const memAfter = await usedMemory(ctx.redis);
    const acks = results.reduce((n, r) => n + r.acks, 0);
    const cpu = cpuDelta(cpuBefore, cpuAfter);
    const updateMs = new Map<string, number[]>(results.flatMap((r) => r.updates.map((u: { sessionId: string; eventMs: number[] }) => [u.sessionId, u.eventMs] as const)));
    const out = await readOut(ctx.redis, keys, targets.map((t) => t.sessionId));
    const archived = await readArchive(ctx.databaseUrl);
    const errorCodes: Record<string, number> = {};
    for (const r of results) for (const [k, v] of Object.entries(r.errorCodes as Record<string, number>)) errorCodes[k] = (errorCodes[k] ?? 0) + v;
    const rd = redisDelta(redisBefore, redisAfter);
    return {
      plan: { ...S2_PLAN, offeredPerSec: S2_PLAN.sessions * S2_PLAN.ratePerSec, triggerEnv: S2_TRIGGER_ENV },
      sent: results.reduce((n, r) => n + r.sent, 0), acks, unacked: results.reduce((n, r) => n + r.unacked, 0), errorCodes,
      ack: summarizeEncoded(results.map((r) => r.hist)),
      lagEverySecond, lagMax: maxLag(lagEverySecond.map((s) => s.groups)), drainMs,
      cpuMicrosPerFrame: Object.fromEntries(Object.entries({ ...cpu, redis: rd.cpuMicros }).map(([k, v]) => [k, round(v / Math.max(1, acks), 1)])),
      redis: { ...rd, cpuMicrosPerFrame: round(rd.cpuMicros / Math.max(1, acks), 1), usedMemoryDelta: memAfter - memBefore },
      decisions: decisionFigures([...out.decisions, ...archived], out.questions, updateMs),
    };
  } finally {
    await Promise.all(loaders.map(stopChild));
    await pipeline.stop();
  }
}
