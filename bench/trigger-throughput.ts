import { createConsumer, type StreamMessage } from '../shared/consumer.ts';
import { encodeIn, InEntry } from '../shared/streams.ts';
import type { ClientFrame } from '../shared/protocol.ts';
import { handleIn, type TriggerDeps } from '../services/trigger/handler.ts';
import type { TriggerSettings } from '../services/trigger/settings.ts';
import { createDecisionArchive } from '../services/trigger/archive.ts';
import { handleSession } from '../services/trigger/session.ts';
import type { Queryable } from '../shared/db/pool.ts';
import { sessions as scripts } from '../eval/sessions/index.ts';
import { freshDatabase, testLogger, testRedis } from '../test/helpers/env.ts';
import { insertSession, recordedFrames } from '../test/helpers/snapshots.ts';

// `node --import tsx bench/trigger-throughput.ts [one|session ...]`: updates/s of ONE trigger
// process draining a backlog of P:in. SESSIONS sessions each type a recorded eval session (six
// languages, files growing to 30–60 lines); their code updates are interleaved in P:in as live
// typists' would be, then one consumer with main.ts's settings (concurrency 8) drains it.
// Arms: 'one' (every update analysed and decided on its own, as before coalescing) and
// 'session' (handleSession: the newest queued update of a session decided, the rest superseded).
// Prints JSON. Needs Redis and PostgreSQL as for the tests.

const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 100);
const PER_SESSION = Number(process.env.BENCH_UPDATES ?? 40);
const SETTINGS: TriggerSettings = { minIntervalSec: 60, quietStartSec: 30, maxQuestions: 5, minDiffLines: 3, pendingTimeoutSec: 300 };

type Wiring = (deps: TriggerDeps) => { archive?: boolean; handle?: (m: StreamMessage<InEntry>) => Promise<void>; handleSession?: (ms: StreamMessage<InEntry>[]) => Promise<void> };

const ARMS: Record<string, Wiring> = {
  // As before this change: every update analysed and decided on its own, its routine decision written
  // to the out stream (archived only with the report), nothing written to Postgres.
  before: (deps) => ({ archive: false, handle: async (m) => void (await handleIn({ ...deps, auditToOut: true }, m)) }),
  one: (deps) => ({ handle: async (m) => void (await handleIn(deps, m)) }),
  session: (deps) => ({ handleSession: (ms) => handleSession(deps, ms) }),
};

function framesFor(i: number): ClientFrame[] {
  const all = recordedFrames(scripts[i % scripts.length]).filter((f) => f.type === 'code_update');
  const lines = (f: ClientFrame) => (f.type === 'code_update' ? f.code.split('\n').length : 0);
  // The typing once the file is 30–60 lines long (the last frames when a script stays shorter).
  const big = all.filter((f) => lines(f) >= 30 && lines(f) <= 60);
  const frames = big.length >= PER_SESSION / 2 ? big : all.slice(-PER_SESSION);
  const step = Math.max(1, Math.floor(frames.length / PER_SESSION));
  return frames.filter((_, k) => k % step === 0).slice(-PER_SESSION).map((f, k) => ({ ...f, seq: k + 1 }));
}

async function runArm(name: string, wiring: Wiring) {
  const tr = testRedis();
  const db = await freshDatabase();
  try {
    const sids: string[] = [];
    for (let i = 0; i < SESSIONS; i++) sids.push(await insertSession(db.pool));
    const frames = sids.map((_, i) => framesFor(i));
    let total = 0;
    let lines = 0;
    const pipe = tr.redis.pipeline();
    const at0 = Date.now();
    for (let k = 0; k < PER_SESSION; k++) {
      for (let s = 0; s < sids.length; s++) {
        const f = frames[s][k];
        if (!f) continue;
        if (f.type === 'code_update') lines += f.code.split('\n').length;
        pipe.xadd(tr.keys.in, '*', ...encodeIn({ sessionId: sids[s], role: 'candidate', frame: f, at: at0 + k * 250 }));
        total++;
      }
    }
    await pipe.exec();
    const log = testLogger();
    const deps: TriggerDeps = { redis: tr.redis, keys: tr.keys, log, stateTtlSec: 3600, settings: async () => SETTINGS, ...archiveDeps(db.pool) };
    let analysed = 0;
    const counted: TriggerDeps = { ...deps, analyze: async (code, language) => (analysed++, (await import('../shared/analysis/index.ts')).analyzeCode(code, language)) };
    const { archive: archived = true, ...handlers } = wiring(counted);
    if (!archived) delete counted.archive;
    const consumer = createConsumer<InEntry>({
      redis: tr.redis, log, stream: tr.keys.in, group: 'trigger', dlq: tr.keys.dlq, decode: (f) => InEntry.parse(f),
      sessionOf: (e) => e.sessionId, concurrency: 8, ...handlers,
    });
    const cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    await consumer.start();
    while (consumer.stats.handled < total) await consumer.idle();
    const sec = Number(process.hrtime.bigint() - t0) / 1e9;
    const cpu = process.cpuUsage(cpu0);
    await consumer.stop();
    return {
      arm: name, sessions: SESSIONS, updates: total, avgLines: Math.round(lines / total), analysed, seconds: Number(sec.toFixed(2)),
      updatesPerSec: Math.round(total / sec), cpuUsPerUpdate: Math.round((cpu.user + cpu.system) / total),
      archiveCalls: counted.archive?.stats.calls ?? 0, archivedRows: counted.archive?.stats.rows ?? 0,
    };
  } finally {
    await tr.cleanup();
    await db.drop();
  }
}

function archiveDeps(db: Queryable): Partial<TriggerDeps> {
  return { archive: createDecisionArchive(db, testLogger()) };
}

const arms = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(ARMS);
const results = [];
for (const a of arms) results.push(await runArm(a, ARMS[a]));
console.log(JSON.stringify({ bench: 'trigger-throughput', results }, null, 2));
