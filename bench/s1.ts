import { Redis } from 'ioredis';
import { freePort, deleteByPrefix } from '../test/helpers/env.ts';
import { gateway, gatewayAt, rawPipe, socketIo, spawnTs, stopChild, xaddLoop, type Arm, type RunningArm } from './arms.ts';
import { summarizeEncoded } from './hdr.ts';
import { processCpuMicros, redisDelta, round, sampleRedis } from './measure.ts';
import { summarize, type ArmSummary, type RoundResult } from './report.ts';

// S1, socket → Redis → ack, closed loop: the arms, each started fresh, interleaved round by round
// (A B C D A B C D …) so drift on the machine hits all alike; each arm-round's Redis keys deleted
// before the next (the backlog of one arm never weighs on another).

export const S1_PLAN = {
  rounds: Number(process.env.BENCH_ROUNDS ?? 3),
  durationMs: Number(process.env.BENCH_DURATION_MS ?? 8000),
  processes: 2,
  socketsPerProcess: 25,
  inFlight: 8,
};

/** ~1 KB of Python, as an editor would send it. */
export const S1_CODE = Array.from({ length: 28 }, (_, i) => `    total_${i} = sum(x * ${i} for x in values if x % 3 == ${i % 3})`).join('\n').slice(0, 1000);

interface Done { kind: 'done'; acks: number; hist: string; perSocket: { sessionId: string; acks: number; errors: number }[] }

export interface S1Context { redis: Redis; redisUrl: string; databaseUrl: string; prefix: string; runId: string; tokenSecret: string }

/** Starts the load processes, waits until every socket is open, then runs them together. */
async function runLoad(arm: Arm, running: RunningArm, redis: Redis, redisUrl: string): Promise<RoundResult> {
  const plan = S1_PLAN;
  const frameSample = JSON.stringify({ type: 'code_update', id: '1', seq: 1, code: S1_CODE, language: 'python', ts: Date.now() });
  const children = arm === xaddLoop
    ? Array.from({ length: plan.processes }, () => spawnTs('bench/xadd-loop.ts', {
        REDIS_URL: redisUrl, BENCH_STREAM: `${running.prefix}:in`, BENCH_IN_FLIGHT: String(plan.socketsPerProcess * plan.inFlight),
        BENCH_DURATION_MS: String(plan.durationMs), BENCH_PAYLOAD: frameSample,
      }, true))
    : Array.from({ length: plan.processes }, (_, p) => spawnTs(arm.load ?? 'bench/load.ts', {
        BENCH_TARGETS: JSON.stringify(running.targets.slice(p * plan.socketsPerProcess, (p + 1) * plan.socketsPerProcess)),
        BENCH_IN_FLIGHT: String(plan.inFlight), BENCH_DURATION_MS: String(plan.durationMs), BENCH_CODE: S1_CODE,
      }, true));
  const next = (kind: string) => Promise.all(children.map((c) => new Promise<any>((resolve, reject) => {
    const onMsg = (m: any) => m.kind === kind && (c.off('message', onMsg), resolve(m));
    c.on('message', onMsg);
    c.once('exit', (code) => reject(new Error(`${arm.name}: a load process exited (${code}) before '${kind}'`)));
  })));
  await next('ready');
  // the server's CPU: the arm's server, or for the XADD loop its own processes
  const pids = arm === xaddLoop ? children.map((c) => c.pid!) : [running.pid];
  const cpuOf = (ps: number[]) => ps.reduce((s, pid) => s + processCpuMicros(pid), 0);
  const clientPids = children.map((c) => c.pid!);
  const cpuBefore = cpuOf(pids);
  const clientBefore = cpuOf(clientPids);
  const redisBefore = await sampleRedis(redis);
  const started = performance.now();
  const done = next('done') as Promise<Done[]>;
  for (const c of children) c.send({ kind: 'go' });
  const results = await done;
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = cpuOf(pids);
  const clientCpuMicros = cpuOf(clientPids) - clientBefore;
  const redisAfter = await sampleRedis(redis);
  await Promise.all(children.map(stopChild));
  const hists = results.map((r) => r.hist);
  const lat = summarizeEncoded(hists);
  const acks = results.reduce((s, r) => s + r.acks, 0);
  const perSocket = results.flatMap((r) => r.perSocket);
  return {
    arm: arm.name, seconds: round(seconds, 2), acks, errors: perSocket.reduce((s, p) => s + p.errors, 0),
    acksPerSec: round(acks / seconds, 0), serverCpuMicros: cpuAfter - cpuBefore, clientCpuMicros, redis: redisDelta(redisBefore, redisAfter),
    hists, perSocket, p50: lat.p50Ms, p99: lat.p99Ms, p999: lat.p999Ms,
  };
}

export interface S1Result { plan: typeof S1_PLAN & { codeBytes: number }; summary: ArmSummary[]; rounds: Omit<RoundResult, 'hists' | 'perSocket'>[] }

export async function runS1(ctx: S1Context): Promise<S1Result> {
  const baseline = process.env.BENCH_BASELINE_DIR;
  const arms: Arm[] = [rawPipe, gateway, ...(baseline ? [gatewayAt(baseline)] : []), socketIo, xaddLoop];
  const rounds: RoundResult[] = [];
  for (let r = 1; r <= S1_PLAN.rounds; r++) {
    for (const arm of arms) {
      const running = await arm.start({
        round: r, sessions: S1_PLAN.processes * S1_PLAN.socketsPerProcess, freePort, databaseUrl: ctx.databaseUrl, redisUrl: ctx.redisUrl,
        prefix: ctx.prefix, adminKey: `bench-admin-${ctx.runId}-key`, tokenSecret: ctx.tokenSecret,
      });
      try {
        const result = await runLoad(arm, running, ctx.redis, ctx.redisUrl);
        rounds.push(result);
        console.log(`S1 round ${r} ${arm.name}: ${result.acksPerSec} acks/s, ${round(result.serverCpuMicros / result.acks, 1)} µs/frame server, ${round(result.redis.cpuMicros / result.acks, 1)} µs/frame Redis, p50 ${result.p50} ms, p99 ${result.p99} ms, p99.9 ${result.p999} ms`);
      } finally {
        await running.stop();
        await deleteByPrefix(ctx.redis, running.prefix);
      }
    }
  }
  return {
    plan: { ...S1_PLAN, codeBytes: S1_CODE.length },
    summary: summarize(arms, rounds, 'raw-pipe'),
    rounds: rounds.map(({ hists, perSocket, ...rest }) => rest),
  };
}
