import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { dropDatabase, ensureDatabase, migrate } from '../shared/db/migrate.ts';
import { deleteByPrefix, freePort } from '../test/helpers/env.ts';
import { gateway, gatewayAt, rawPipe, spawnTs, stopChild, xaddLoop, type Arm, type RunningArm } from './arms.ts';
import { percentile, processCpuMicros, redisDelta, round, sampleRedis } from './measure.ts';
import { renderMarkdown, summarize, type RoundResult } from './report.ts';

// `npm run bench`: the ingest arms, each started fresh, interleaved round by round (A B C A B C …)
// so drift on the machine hits all alike; Redis keys of each arm-round deleted before the next.
// Loopback only, bounded in time, cleans its keys and drops its database.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PG_BASE = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const PLAN = {
  rounds: Number(process.env.BENCH_ROUNDS ?? 3),
  durationMs: Number(process.env.BENCH_DURATION_MS ?? 8000),
  processes: 2,
  socketsPerProcess: 25,
  inFlight: 8,
};

/** ~1 KB of Python, as an editor would send it. */
const CODE = Array.from({ length: 28 }, (_, i) => `    total_${i} = sum(x * ${i} for x in values if x % 3 == ${i % 3})`).join('\n').slice(0, 1000);

interface Done { kind: 'done'; acks: number; latencies: number[]; perSocket: { sessionId: string; acks: number; errors: number }[] }

/** Starts the load processes, waits until every socket is open, then runs them together. */
async function runLoad(arm: Arm, running: RunningArm, redis: Redis): Promise<RoundResult> {
  const frameSample = JSON.stringify({ type: 'code_update', id: '1', seq: 1, code: CODE, language: 'python', ts: Date.now() });
  const children = arm === xaddLoop
    ? Array.from({ length: PLAN.processes }, () => spawnTs('bench/xadd-loop.ts', {
        REDIS_URL, BENCH_STREAM: `${running.prefix}:in`, BENCH_IN_FLIGHT: String(PLAN.socketsPerProcess * PLAN.inFlight),
        BENCH_DURATION_MS: String(PLAN.durationMs), BENCH_PAYLOAD: frameSample,
      }, true))
    : Array.from({ length: PLAN.processes }, (_, p) => spawnTs('bench/load.ts', {
        BENCH_TARGETS: JSON.stringify(running.targets.slice(p * PLAN.socketsPerProcess, (p + 1) * PLAN.socketsPerProcess)),
        BENCH_IN_FLIGHT: String(PLAN.inFlight), BENCH_DURATION_MS: String(PLAN.durationMs), BENCH_CODE: CODE,
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
  const latencies = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const acks = results.reduce((s, r) => s + r.acks, 0);
  const perSocket = results.flatMap((r) => r.perSocket);
  return {
    arm: arm.name, seconds: round(seconds, 2), acks, errors: perSocket.reduce((s, p) => s + p.errors, 0),
    acksPerSec: round(acks / seconds, 0), serverCpuMicros: cpuAfter - cpuBefore, clientCpuMicros, redis: redisDelta(redisBefore, redisAfter),
    latencies, perSocket, p50: round(percentile(latencies, 50), 2), p99: round(percentile(latencies, 99), 2),
  };
}

/** Redis bytes held by one session's keys (MEMORY USAGE, every sample). */
async function sessionMemory(redis: Redis, running: RunningArm, result: RoundResult) {
  if (!running.sessionKeys) return undefined;
  const sample = result.perSocket.slice(0, 5);
  const bytes: number[] = [];
  for (const s of sample) {
    let total = 0;
    for (const key of running.sessionKeys(s.sessionId)) total += Number((await redis.memory('USAGE', key, 'SAMPLES', 0)) ?? 0);
    bytes.push(total);
  }
  const updates = sample.reduce((s, p) => s + p.acks, 0) / sample.length;
  const perSession = bytes.reduce((a, b) => a + b, 0) / bytes.length;
  return { sessions: sample.length, updatesPerSession: round(updates, 0), bytesPerSession: round(perSession, 0), bytesPerUpdate: round(perSession / updates, 1) };
}

async function main(): Promise<void> {
  const runId = randomBytes(4).toString('hex');
  const prefix = `bench${runId}`;
  const dbUrl = new URL(PG_BASE);
  dbUrl.pathname = `/assess_bench_${runId}`;
  const databaseUrl = dbUrl.toString();
  const redis = new Redis(REDIS_URL);
  await ensureDatabase(databaseUrl);
  await migrate(databaseUrl);
  const baseline = process.env.BENCH_BASELINE_DIR;
  const arms: Arm[] = [rawPipe, gateway, ...(baseline ? [gatewayAt(baseline)] : []), xaddLoop];
  const rounds: RoundResult[] = [];
  let memory: Awaited<ReturnType<typeof sessionMemory>>;
  try {
    for (let round_ = 1; round_ <= PLAN.rounds; round_++) {
      for (const arm of arms) {
        const running = await arm.start({
          round: round_, sessions: PLAN.processes * PLAN.socketsPerProcess, freePort, databaseUrl, redisUrl: REDIS_URL, prefix,
          adminKey: `bench-admin-${runId}-key`, tokenSecret: `bench-secret-${runId}-${randomBytes(8).toString('hex')}`,
        });
        try {
          const result = await runLoad(arm, running, redis);
          if (arm === gateway) memory = await sessionMemory(redis, running, result);
          rounds.push(result);
          console.log(`round ${round_} ${arm.name}: ${result.acksPerSec} acks/s, ${round(result.serverCpuMicros / result.acks, 1)} µs/frame server, ${round(result.redis.cpuMicros / result.acks, 1)} µs/frame Redis, p50 ${result.p50} ms, p99 ${result.p99} ms`);
        } finally {
          await running.stop();
          await deleteByPrefix(redis, running.prefix);
        }
      }
    }
  } finally {
    await deleteByPrefix(redis, prefix);
    redis.disconnect();
    await dropDatabase(databaseUrl);
  }
  const summary = summarize(arms, rounds, 'raw-pipe');
  const date = new Date().toISOString();
  const out = { date, plan: { ...PLAN, codeBytes: CODE.length }, summary, memory, rounds: rounds.map(({ latencies, perSocket, ...r }) => r) };
  mkdirSync(path.join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(path.join(ROOT, 'bench', 'results', 'latest.json'), JSON.stringify(out, null, 2) + '\n');
  const md = renderMarkdown(date, PLAN, summary, memory);
  console.log(md);
  writeFileSync(path.join(ROOT, 'bench', 'results', 'latest.md'), md);
}

await main();
