import type { Redis } from 'ioredis';
import WebSocket from 'ws';
import { createKeys } from '../shared/keys.ts';
import type { Target } from './arms.ts';
import { fileAt } from './files.ts';
import { drained, sampleLag } from './lag.ts';
import { round } from './measure.ts';
import { startPipeline } from './pipeline.ts';

// Redis memory per active session after a simulated long session: the whole pipeline running, each
// session sends 60 minutes × 4 updates/s of its realistic file through the real gateway socket, as
// fast as the acks come back (8 in flight), each frame carrying the timestamp its editor would have
// given it (250 ms apart). Server-side times are therefore compressed: what the trigger sees as a
// minute took less. Then MEMORY USAGE of every per-session key, once the groups have drained.

export const MEMORY_PLAN = {
  sessions: Number(process.env.BENCH_MEMORY_SESSIONS ?? 1),
  minutes: Number(process.env.BENCH_MEMORY_MINUTES ?? 60),
  updatesPerSec: 4,
  inFlight: 8,
  /** sending stops after this long even if the session is not complete (the minutes reached are reported) */
  sendLimitMs: Number(process.env.BENCH_MEMORY_SEND_LIMIT_MS ?? 120_000),
  drainWaitMs: Number(process.env.BENCH_MEMORY_DRAIN_WAIT_MS ?? 45_000),
};

export interface MemoryContext { redis: Redis; redisUrl: string; databaseUrl: string; prefix: string; runId: string; tokenSecret: string }

export interface MemoryResult {
  plan: typeof MEMORY_PLAN & { updatesPerSession: number; driven: string };
  acks: number;
  errors: number;
  /** the session minutes actually simulated (less than planned when the send limit cut it short) */
  minutesSimulated: number;
  /** bytes per session divided by updates acked per session: how it grows */
  bytesPerUpdate: number;
  sendSeconds: number;
  /** whether every group had caught up when the keys were measured, and after how long */
  drained: boolean;
  drainSeconds: number;
  /** mean over sessions, per key kind and in total */
  bytesPerSessionByKey: Record<string, number>;
  bytesPerSession: number;
  /** shared keys (P:in, P:ask, the due set), not counted in a session's bytes */
  sharedBytes: Record<string, number>;
}

function drive(target: Target, session: number, updates: number, inFlight: number, deadline: number): Promise<{ acks: number; errors: number }> {
  const ws = new WebSocket(target.url, [`bearer.${target.token}`]);
  const t0 = Date.now();
  let next = 1;
  let acks = 0;
  let errors = 0;
  const sendNext = () => {
    if (next > updates || performance.now() > deadline) return;
    const seq = next++;
    const v = fileAt(session, seq - 1);
    ws.send(JSON.stringify({ type: 'code_update', id: String(seq), seq, code: v.code, language: 'python', ts: t0 + (seq - 1) * 250, cursor: v.cursor }));
  };
  return new Promise((resolve, reject) => {
    ws.on('message', (data) => {
      const msg = JSON.parse(data.toString()) as { type: string; id?: string };
      if (msg.type === 'welcome') for (let i = 0; i < inFlight; i++) sendNext();
      if ((msg.type !== 'ack' && msg.type !== 'error') || msg.id === undefined) return;
      if (msg.type === 'ack') acks += 1;
      else errors += 1;
      sendNext();
      // everything sent has its reply: done (all updates, or the time allowed ran out)
      if (acks + errors === next - 1) {
        ws.close();
        resolve({ acks, errors });
      }
    });
    ws.once('error', reject);
  });
}

const usage = async (redis: Redis, key: string) => Number((await redis.memory('USAGE', key, 'SAMPLES', 0)) ?? 0);

export async function runMemory(ctx: MemoryContext): Promise<MemoryResult> {
  const prefix = `${ctx.prefix}mem`;
  const keys = createKeys(prefix);
  const updates = MEMORY_PLAN.minutes * 60 * MEMORY_PLAN.updatesPerSec;
  const pipeline = await startPipeline({ ...ctx, prefix, adminKey: `bench-admin-${ctx.runId}-key`, env: { WS_RATE_PER_SEC: '1000000', WS_RATE_BURST: '1000000' } });
  try {
    const targets = await pipeline.createSessions(MEMORY_PLAN.sessions);
    const t0 = performance.now();
    const sent = await Promise.all(targets.map((t, i) => drive(t, i, updates, MEMORY_PLAN.inFlight, t0 + MEMORY_PLAN.sendLimitMs)));
    const sendSeconds = (performance.now() - t0) / 1000;
    console.log(`memory: ${sent.reduce((n, s) => n + s.acks, 0)} of ${updates} updates × ${targets.length} sessions acked in ${round(sendSeconds, 1)} s; waiting for the groups to drain`);
    const d0 = performance.now();
    let done = false;
    while (!(done = drained(await sampleLag(ctx.redis, keys))) && performance.now() - d0 < MEMORY_PLAN.drainWaitMs) await new Promise((r) => setTimeout(r, 250));
    const byKey: Record<string, number> = {};
    for (const t of targets) {
      for (const key of keys.sessionKeys(t.sessionId)) {
        const kind = key.slice(prefix.length + 1).split(':')[0]!;
        byKey[kind] = (byKey[kind] ?? 0) + (await usage(ctx.redis, key)) / targets.length;
      }
    }
    const sharedBytes: Record<string, number> = {};
    for (const [name, key] of [['in', keys.in], ['ask', keys.ask], ['due', keys.due]]) sharedBytes[name!] = await usage(ctx.redis, key!);
    const total = Math.round(Object.values(byKey).reduce((a, b) => a + b, 0));
    const acks = sent.reduce((n, s) => n + s.acks, 0);
    return {
      plan: { ...MEMORY_PLAN, updatesPerSession: updates, driven: 'frames sent as fast as acks return (8 in flight), frame ts 250 ms apart' },
      acks, errors: sent.reduce((n, s) => n + s.errors, 0), sendSeconds: round(sendSeconds, 1),
      drained: done, drainSeconds: round((performance.now() - d0) / 1000, 1),
      bytesPerSessionByKey: Object.fromEntries(Object.entries(byKey).map(([k, v]) => [k, Math.round(v)])),
      bytesPerSession: total,
      minutesSimulated: round(acks / targets.length / MEMORY_PLAN.updatesPerSec / 60, 1),
      bytesPerUpdate: round(total / Math.max(1, acks / targets.length), 1),
      sharedBytes,
    };
  } finally {
    await pipeline.stop();
  }
}
