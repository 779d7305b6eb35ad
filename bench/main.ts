import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { dropDatabase, ensureDatabase, migrate } from '../shared/db/migrate.ts';
import { deleteByPrefix } from '../test/helpers/env.ts';
import { renderMarkdown } from './render.ts';
import { runS1, type S1Result } from './s1.ts';
import { runS2, S2_PLAN, type S2Result } from './s2.ts';
import { runCopy, type CopyResult } from './pg-copy.ts';
import { runMemory, type MemoryResult } from './memory.ts';
import { runRss, type RssResult } from './rss.ts';
import { sendsPerSession } from './schedule.ts';
import { round } from './measure.ts';
import { evaluateTargets, type TargetInputs } from './targets.ts';

// `npm run bench`: the parts chosen by BENCH_PARTS (default all: s1,copy,s2,memory,rss), in one run
// so every ratio compares figures measured under the same conditions. Loopback only, bounded in
// time; cleans its Redis keys and drops its databases. Every figure goes to bench/results/latest.json,
// the tables to bench/results/latest.md.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PG_BASE = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ALL_PARTS = ['s1', 'copy', 's2', 'memory', 'rss'] as const;
type Part = (typeof ALL_PARTS)[number];

export interface Results {
  date: string;
  machine: { cpus: number; loadavgAtStart: number[] };
  parts: Part[];
  s1?: S1Result;
  s2?: S2Result;
  copy?: CopyResult;
  memory?: MemoryResult;
  rss?: RssResult;
  ratios?: Record<string, number | undefined>;
  targets?: ReturnType<typeof evaluateTargets>;
  [part: string]: unknown;
}

function parts(): Part[] {
  const raw = (process.env.BENCH_PARTS ?? ALL_PARTS.join(',')).split(',').map((p) => p.trim()).filter(Boolean);
  for (const p of raw) if (!(ALL_PARTS as readonly string[]).includes(p)) throw new Error(`BENCH_PARTS: unknown part ${p} (known: ${ALL_PARTS.join(', ')})`);
  return raw as Part[];
}

function targetInputs(r: Results): TargetInputs {
  const arm = (name: string) => r.s1?.summary.find((a) => a.arm === name);
  return {
    s1: r.s1 && {
      gatewayCpuPerFrame: arm('gateway')?.serverCpuMicrosPerFrame, rawPipeCpuPerFrame: arm('raw-pipe')?.serverCpuMicrosPerFrame,
      socketIoCpuPerFrame: arm('socketio')?.serverCpuMicrosPerFrame, gatewayAcksPerSec: arm('gateway')?.acksPerSec,
      rawPipeAcksPerSec: arm('raw-pipe')?.acksPerSec, gatewayRedisCpuPerFrame: arm('gateway')?.redisCpuMicrosPerFrame,
      xaddRedisCpuPerFrame: arm('xadd-loop')?.redisCpuMicrosPerFrame,
    },
    s2: r.s2 && {
      sent: r.s2.sent, acked: r.s2.acks, ackP99Ms: r.s2.ack.p99Ms, drainMs: r.s2.drainMs,
      // the oldest version a decision was taken on: out-stream decisions' own age, and how far the
      // trigger group was behind in time (decisions recorded elsewhere are covered by that)
      decisionAgeMaxMs: Math.max(r.s2.decisions.aged ? r.s2.decisions.ageMs.maxMs : 0, r.s2.lagMax['in/trigger']?.maxOldestUnackedAgeMs ?? 0),
      questionP99Ms: r.s2.decisions.updateToQuestionMs.count ? r.s2.decisions.updateToQuestionMs.p99Ms : undefined,
    },
    memory: r.memory && { bytesPerSession: r.memory.bytesPerSession },
  };
}

/** Figures of one part read against the baselines of another, measured in the same run. */
function crossRatios(r: Results): Record<string, number | undefined> {
  const arm = (name: string) => r.s1?.summary.find((a) => a.arm === name);
  const div = (a?: number, b?: number) => (a === undefined || b === undefined || !(b > 0) ? undefined : round(a / b, 2));
  return {
    s2PostgresCpuPerFrameToCopyPerRow: div(r.s2?.cpuMicrosPerFrame.postgresDatabase, r.copy?.backendCpuMicrosPerRow),
    s2GatewayCpuPerFrameToRawPipe: div(r.s2?.cpuMicrosPerFrame.gateway, arm('raw-pipe')?.serverCpuMicrosPerFrame),
    s2RedisCpuPerFrameToXaddLoop: div(r.s2?.redis.cpuMicrosPerFrame, arm('xadd-loop')?.redisCpuMicrosPerFrame),
    s1GatewayCpuPerFrameToSocketIo: div(arm('gateway')?.serverCpuMicrosPerFrame, arm('socketio')?.serverCpuMicrosPerFrame),
    s1SocketIoCpuPerFrameToRawPipe: div(arm('socketio')?.serverCpuMicrosPerFrame, arm('raw-pipe')?.serverCpuMicrosPerFrame),
  };
}

async function main(): Promise<void> {
  const chosen = parts();
  const runId = randomBytes(4).toString('hex');
  const prefix = `bench${runId}`;
  const dbUrl = new URL(PG_BASE);
  dbUrl.pathname = `/assess_bench_${runId}`;
  const databaseUrl = dbUrl.toString();
  const tokenSecret = `bench-secret-${runId}-${randomBytes(8).toString('hex')}`;
  const redis = new Redis(REDIS_URL);
  const results: Results = { date: new Date().toISOString(), machine: { cpus: cpus().length, loadavgAtStart: loadavg().map((x) => Math.round(x * 100) / 100) }, parts: chosen };
  await ensureDatabase(databaseUrl);
  await migrate(databaseUrl);
  try {
    const ctx = { redis, redisUrl: REDIS_URL, databaseUrl, prefix, runId, tokenSecret };
    if (chosen.includes('s1')) results.s1 = await runS1(ctx);
    // the COPY baseline writes the rows S2 will send: as many sessions, as many versions each
    if (chosen.includes('copy')) results.copy = await runCopy(databaseUrl, S2_PLAN.sessions, sendsPerSession(S2_PLAN));
    if (chosen.includes('s2')) results.s2 = await runS2(ctx);
    if (chosen.includes('memory')) results.memory = await runMemory(ctx);
    if (chosen.includes('rss')) results.rss = await runRss(ctx);
  } finally {
    await deleteByPrefix(redis, prefix);
    redis.disconnect();
    await dropDatabase(databaseUrl);
  }
  results.ratios = crossRatios(results);
  results.targets = evaluateTargets(targetInputs(results));
  // BENCH_RESULTS_DIR: a trial run elsewhere, leaving the recorded results as they are
  const dir = path.resolve(ROOT, process.env.BENCH_RESULTS_DIR ?? 'bench/results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'latest.json'), JSON.stringify(results, null, 2) + '\n');
  const md = renderMarkdown(results);
  console.log(md);
  writeFileSync(path.join(dir, 'latest.md'), md);
}

await main();
