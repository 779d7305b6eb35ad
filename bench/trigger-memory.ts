import { analyzeCode } from '../shared/analysis/index.ts';
import type { StreamMessage } from '../shared/consumer.ts';
import { emitQuestionOnce } from '../shared/out.ts';
import { AskEntry, fieldsToRecord, type InEntry } from '../shared/streams.ts';
import { createDecisionArchive } from '../services/trigger/archive.ts';
import { handleIn, type TriggerDeps } from '../services/trigger/handler.ts';
import { handleSession } from '../services/trigger/session.ts';
import type { TriggerSettings } from '../services/trigger/settings.ts';
import { sessions as scripts } from '../eval/sessions/index.ts';
import { freshDatabase, testLogger, testRedis, type TestDb, type TestRedis } from '../test/helpers/env.ts';
import { insertSession, recordedFrames } from '../test/helpers/snapshots.ts';
import { fileOf } from './trigger-files.ts';

// `node --import tsx bench/trigger-memory.ts`: the trigger's share of Redis memory per session
// (MEMORY USAGE of P:state:<sid> and P:out:<sid>) after a simulated 60-minute session at 4 updates
// a second (14,400 updates), the handler driven directly. Each session types the recorded eval
// sessions of one language one after another, again and again (every pass a rewrite), pausing a
// minute every ~100 updates (the scanner's ticks are decided then), and answers every question.
// Arms: 'before' (routine decisions written to the out stream, as before the outbox) and 'after'.
// The analysis of a text already seen is reused (a copy), so the run takes minutes, not hours.

const UPDATES = Number(process.env.BENCH_MEMORY_UPDATES ?? 14_400);
const LANGUAGES = ['python', 'javascript', 'java', 'go'];
const SETTINGS: TriggerSettings = { minIntervalSec: 90, quietStartSec: 60, maxQuestions: 5, minDiffLines: 5, pendingTimeoutSec: 300, pauseSec: 20, settleSec: 8 };
const T0 = 1_900_000_000_000;

const analyses = new Map<string, ReturnType<typeof analyzeCode>>();
function cachedAnalyze(code: string, language: string) {
  let a = analyses.get(code);
  if (!a) analyses.set(code, (a = analyzeCode(code, language)));
  return a.then((x) => (x ? structuredClone(x) : x));
}

let n = 0;
async function session(tr: TestRedis, db: TestDb, deps: TriggerDeps, language: string) {
  const sid = await insertSession(db.pool, language);
  const frames = scripts.filter((s) => s.language === language).flatMap((s) => recordedFrames(s)).filter((f) => f.type === 'code_update');
  const entry = (frame: InEntry['frame'], at: number, role: InEntry['role'] = 'candidate'): StreamMessage<InEntry> =>
    ({ id: `${at}-${++n}`, stream: tr.keys.in, fields: {}, body: { sessionId: sid, role, type: frame.type, frame, at } as InEntry });
  let clock = T0;
  let answers: StreamMessage<InEntry>[] = [];
  let lastAsk = '0-0';
  const show = async () => {
    for (const [id, fields] of await tr.redis.xrange(tr.keys.ask, `(${lastAsk}`, '+')) {
      lastAsk = id;
      const ask = AskEntry.parse(fieldsToRecord(fields));
      if (ask.sessionId !== sid) continue;
      await emitQuestionOnce(deps, sid, ask.requestId, { questionId: ask.questionId, text: 'Why this way?', reason: ask.reason });
      answers.push(entry({ type: 'response_submitted', questionId: ask.questionId, answer: 'because', ts: 1 }, clock));
    }
  };
  for (let seq = 1, batch = 0; seq <= UPDATES; batch++) {
    // At 4 updates/s a trigger that keeps up finds one or two queued.
    const size = 1 + (batch % 2);
    const queued = answers;
    answers = [];
    for (let k = 0; k < size && seq <= UPDATES; k++, seq++) {
      const f = frames[seq % frames.length];
      clock += 250;
      if (f.type === 'code_update') queued.push(entry({ ...f, seq }, clock));
    }
    if (deps.auditToOut) for (const m of queued) await handleIn(deps, m); // before: every entry on its own
    else await handleSession(deps, queued);
    await show();
    if (batch % 60 === 59) {
      const pauseEnd = clock + 60_000;
      for (let due = await tr.redis.zscore(tr.keys.due, sid); due !== null && Number(due) <= pauseEnd; due = await tr.redis.zscore(tr.keys.due, sid)) {
        await tr.redis.zrem(tr.keys.due, sid);
        clock = Math.max(clock, Number(due));
        const ms = [...answers.splice(0), entry({ type: 'tick', due: Number(due) }, clock, 'system')];
        if (deps.auditToOut) for (const m of ms) await handleIn(deps, m);
        else await handleSession(deps, ms);
        await show();
      }
      clock = pauseEnd;
    }
  }
  const state = Number(await tr.redis.memory('USAGE', tr.keys.state(sid), 'SAMPLES', 0));
  const out = Number(await tr.redis.memory('USAGE', tr.keys.out(sid), 'SAMPLES', 0));
  return { language, stateBytes: state, outBytes: out, outEntries: await tr.redis.xlen(tr.keys.out(sid)), totalBytes: state + out };
}

async function arm(name: 'before' | 'after') {
  const tr = testRedis();
  const db = await freshDatabase();
  try {
    const log = testLogger();
    const deps: TriggerDeps = {
      redis: tr.redis, keys: tr.keys, stateTtlSec: 3600, log, settings: async () => SETTINGS, analyze: cachedAnalyze,
      ...(name === 'after' ? { archive: createDecisionArchive(db.pool, log) } : { auditToOut: true }),
    };
    const t0 = Date.now();
    const sessions = await Promise.all(LANGUAGES.map((l) => session(tr, db, deps, l)));
    const mean = (k: 'stateBytes' | 'outBytes' | 'totalBytes') => Math.round(sessions.reduce((s, x) => s + x[k], 0) / sessions.length);
    return { arm: name, updatesPerSession: UPDATES, seconds: Math.round((Date.now() - t0) / 1000), meanStateBytes: mean('stateBytes'), meanOutBytes: mean('outBytes'), meanTotalBytes: mean('totalBytes'), sessions };
  } finally {
    await tr.cleanup();
    await db.drop();
  }
}

/** P:state after a session on a 500-line file: a question asked on it (its code kept as the base) and 20 edits since. */
async function bigFileState(language: string) {
  const tr = testRedis();
  const db = await freshDatabase();
  try {
    const log = testLogger();
    const sid = await insertSession(db.pool, language);
    const settings: TriggerSettings = { ...SETTINGS, quietStartSec: 0, minIntervalSec: 0, settleSec: 0 };
    const deps: TriggerDeps = { redis: tr.redis, keys: tr.keys, stateTtlSec: 3600, log, settings: async () => settings, archive: createDecisionArchive(db.pool, log) };
    const file = await fileOf(language);
    const lines = file.split('\n');
    for (let seq = 1; seq <= 21; seq++) {
      const code = seq === 1 ? file : [...lines.slice(0, 250), `${lines[250]} ${language === 'python' ? '#' : '//'} ${seq}`, ...lines.slice(251)].join('\n');
      await handleSession(deps, [{ id: `${T0 + seq}-${++n}`, stream: tr.keys.in, fields: {}, body: { sessionId: sid, role: 'candidate', type: 'code_update', frame: { type: 'code_update', seq, code, language, ts: seq }, at: T0 + seq * 250 } as InEntry }]);
    }
    const h = await tr.redis.hgetall(tr.keys.state(sid));
    const fields = Object.fromEntries(Object.entries(h).filter(([, v]) => v.length > 200).map(([k, v]) => [k, v.length]));
    return { language, lines: lines.length, codeBytes: file.length, asked: Number(h.asked ?? 0), stateBytes: Number(await tr.redis.memory('USAGE', tr.keys.state(sid), 'SAMPLES', 0)), largeFields: fields };
  } finally {
    await tr.cleanup();
    await db.drop();
  }
}

const big = [];
for (const l of ['python', 'java']) big.push(await bigFileState(l));
if (process.argv.includes('--state-only')) {
  console.log(JSON.stringify({ bench: 'trigger-memory', bigFileState: big }, null, 2));
  process.exit(0);
}
const before = await arm('before');
const after = await arm('after');
console.log(JSON.stringify({
  bench: 'trigger-memory', targetBytesPerSession: 64 * 1024, bigFileState: big, before, after,
  ratioAfterToBefore: Number((after.meanTotalBytes / before.meanTotalBytes).toFixed(3)),
}, null, 2));
