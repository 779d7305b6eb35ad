import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { analyzeCode } from '../shared/analysis/index.ts';
import { archiveOutStream } from '../shared/archive.ts';
import type { StreamMessage } from '../shared/consumer.ts';
import { emitQuestionOnce, OUT_MAXLEN } from '../shared/out.ts';
import { AskEntry, fieldsToRecord, OutEntry, type InEntry } from '../shared/streams.ts';
import { createDecisionArchive, decisionArchiveId, OUTBOX_PREFIX } from '../services/trigger/archive.ts';
import { handleIn, type TriggerDeps } from '../services/trigger/handler.ts';
import { handleSession } from '../services/trigger/session.ts';
import type { TriggerSettings } from '../services/trigger/settings.ts';
import { readState } from '../services/trigger/state.ts';
import { sessions as scripts } from '../eval/sessions/index.ts';
import { freshDatabase, testLogger, testRedis, type TestDb, type TestRedis } from './helpers/env.ts';
import { insertSession, recordedFrames } from './helpers/snapshots.ts';

// The trigger's per-session handler (services/trigger/session.ts) against real Redis and Postgres:
// of a session's queued updates only the newest is analysed and decided, the others are archived as
// superseded; routine decisions reach the archive without passing through the out stream; and a
// 20,000-update session keeps every decision in the archive and every socket-visible entry in its
// (never trimmed) out stream.

const T0 = 1_900_000_000_000;
const FUNC = 'def f(xs):\n    total = 0\n    for x in xs:\n        total += x\n    return total\n';
const PLAIN = 'a = 1\nb = 2\nc = 3\n';
const QUIET: TriggerSettings = { minIntervalSec: 0, quietStartSec: 3600, maxQuestions: 5, minDiffLines: 3, pendingTimeoutSec: 300 };

let tr: TestRedis;
let db: TestDb;
before(async () => {
  tr = testRedis();
  db = await freshDatabase();
});
after(async () => {
  await tr.cleanup();
  await db.drop();
});

let n = 0;
function entry(sessionId: string, frame: InEntry['frame'], at: number, role: InEntry['role'] = 'candidate'): StreamMessage<InEntry> {
  n++;
  return { id: `${at}-${n}`, stream: tr.keys.in, fields: {}, body: { sessionId, role, type: frame.type, frame, at } as InEntry };
}
const update = (sid: string, seq: number, code: string, at: number) => entry(sid, { type: 'code_update', seq, code, language: 'python', ts: at }, at);

/** analyzeCode once per distinct text (the long session types the same files again and again); a copy each time, as the rules write into it. */
const analyses = new Map<string, ReturnType<typeof analyzeCode>>();
function cachedAnalyze(code: string, language: string) {
  let a = analyses.get(code);
  if (!a) analyses.set(code, (a = analyzeCode(code, language)));
  return a.then((x) => (x ? structuredClone(x) : x));
}

function depsWith(settings: TriggerSettings, counter?: { analysed: number }): TriggerDeps {
  return {
    redis: tr.redis, keys: tr.keys, stateTtlSec: 3600, log: testLogger(), settings: async () => settings,
    archive: createDecisionArchive(db.pool, testLogger()),
    analyze: async (code, language) => {
      if (counter) counter.analysed++;
      return analyzeCode(code, language);
    },
  };
}

async function archivedDecisions(sid: string) {
  const { rows } = await db.pool.query<{ stream_id: string; role: string | null; payload: Record<string, unknown> }>(
    `SELECT stream_id, role, payload FROM session_events WHERE session_id = $1 AND stream = 'out' AND type = 'decision' ORDER BY id`, [sid]);
  return rows;
}
const outEntries = async (sid: string) =>
  (await tr.redis.xrange(tr.keys.out(sid), '-', '+')).map(([id, f]) => ({ id, ...OutEntry.parse(fieldsToRecord(f)) }));

test('three queued updates: one analysis, the newest seq decided, the two older archived as superseded', async () => {
  const sid = await insertSession(db.pool);
  const counter = { analysed: 0 };
  const deps = depsWith(QUIET, counter);
  // Plain statements: nothing to ask about, so even the decided one is routine (for the audit only).
  const msgs = [update(sid, 1, 'a = 1\n', T0), update(sid, 2, 'a = 1\nb = 2\n', T0 + 200), update(sid, 3, PLAIN, T0 + 400)];
  await handleSession(deps, msgs);
  assert.equal(counter.analysed, 1, 'only the newest is parsed');
  const state = await readState(deps, sid);
  assert.equal(state.lastSeq, 3);
  assert.equal(state.lastCode, PLAIN);
  const rows = await archivedDecisions(sid);
  assert.deepEqual(rows.map((r) => [r.payload.seq, r.payload.decision, r.payload.reasonCode === 'superseded', r.role]), [
    [1, 'skip', true, 'audit'], [2, 'skip', true, 'audit'], [3, 'skip', false, 'audit'],
  ]);
  assert.deepEqual(rows.map((r) => r.stream_id), msgs.map((m) => decisionArchiveId(m.id)), 'each record is keyed by its own entry');
  assert.deepEqual(await outEntries(sid), [], 'routine decisions are not in the out stream');
  const outbox = Object.keys(await tr.redis.hgetall(tr.keys.state(sid))).filter((k) => k.startsWith(OUTBOX_PREFIX));
  assert.deepEqual(outbox, [], 'archived, then cleared from the outbox');

  // A redelivery of the same batch (a crash before the ack) changes nothing and archives nothing twice.
  await handleSession(deps, msgs);
  assert.equal((await archivedDecisions(sid)).length, 3);
  assert.equal((await readState(deps, sid)).version, state.version);
});

test('answers, editor events and ticks keep their place between coalesced updates', async () => {
  const sid = await insertSession(db.pool);
  const counter = { analysed: 0 };
  const settings: TriggerSettings = { minIntervalSec: 0, quietStartSec: 0, maxQuestions: 5, minDiffLines: 3, pendingTimeoutSec: 300, pauseSec: 20 };
  const deps = depsWith(settings, counter);
  // u1 decided alone first; then a batch: u2 (superseded), a paste, a tick, u3 (decided).
  await handleSession(deps, [update(sid, 1, 'x = 1\n', T0)]);
  const paste = entry(sid, { type: 'editor_event', kind: 'paste', ts: T0 + 1000, detail: { chars: 10 } }, T0 + 1000);
  const tick = entry(sid, { type: 'tick', due: T0 + 30_000 }, T0 + 30_000, 'system');
  await handleSession(deps, [update(sid, 2, 'x = 1\ny = 2\n', T0 + 500), paste, tick, update(sid, 3, 'x = 1\ny = 2\nz = 3\n', T0 + 31_000)]);
  assert.equal(counter.analysed, 2, 'u1 and u3');
  const state = await readState(deps, sid);
  assert.equal(state.lastSeq, 3);
  assert.equal(state.pasteAt, T0 + 1000, 'the paste was recorded');
  assert.equal(state.lastTickAt, T0 + 30_000, 'the tick was decided, on the code before u3');
  const rows = await archivedDecisions(sid);
  const bySeq = rows.filter((r) => r.payload.tick === undefined).map((r) => [r.payload.seq, r.payload.reasonCode]);
  assert.deepEqual(bySeq.filter(([, c]) => c === 'superseded'), [[2, 'superseded']]);
  assert.ok(rows.some((r) => r.payload.tick === T0 + 30_000), 'the tick has its decision');
  assert.ok(rows.some((r) => r.payload.seq === 3 && r.payload.reasonCode !== 'superseded'));
});

test('a decision committed but not archived (a crash before the flush) is archived on the next read of the state', async () => {
  const sid = await insertSession(db.pool);
  const deps = depsWith(QUIET);
  const { archive: _archive, ...crashing } = deps;
  const u1 = update(sid, 1, PLAIN, T0);
  const decided = await handleIn(crashing, u1);
  assert.equal(decided?.decision, 'skip');
  assert.equal((await archivedDecisions(sid)).length, 0);
  assert.equal(Object.keys(await tr.redis.hgetall(tr.keys.state(sid))).filter((k) => k.startsWith(OUTBOX_PREFIX)).length, 1, 'waits in the outbox');
  // The redelivered entry is stale (already decided): its decision still reaches the archive.
  await handleSession(deps, [u1]);
  const rows = await archivedDecisions(sid);
  assert.deepEqual(rows.map((r) => [r.payload.seq, r.payload.reasonCode]), [[1, decided?.reasonCode]]);
  assert.equal(Object.keys(await tr.redis.hgetall(tr.keys.state(sid))).filter((k) => k.startsWith(OUTBOX_PREFIX)).length, 0);
});

test('a 20,000-update session keeps every decision in the archive and every socket-visible entry in its out stream', async () => {
  const sid = await insertSession(db.pool);
  const settings: TriggerSettings = { minIntervalSec: 90, quietStartSec: 60, maxQuestions: 5, minDiffLines: 5, pendingTimeoutSec: 300, pauseSec: 20, settleSec: 8 };
  const deps = { ...depsWith(settings), analyze: cachedAnalyze };
  // A candidate typing three recorded sessions over and over (each pass a rewrite), 4 updates a second.
  const frames = scripts.filter((s) => s.language === 'python').flatMap((s) => recordedFrames(s)).filter((f) => f.type === 'code_update');
  const TOTAL = 20_000;
  let lastAsk = '0-0';
  let clock = T0;
  let answers: StreamMessage<InEntry>[] = [];
  /** The agent's part, reduced: each question request is shown, and answered with the next entries. */
  async function showQuestions(): Promise<void> {
    for (const [id, fields] of await tr.redis.xrange(tr.keys.ask, `(${lastAsk}`, '+')) {
      lastAsk = id;
      const ask = AskEntry.parse(fieldsToRecord(fields));
      if (ask.sessionId !== sid) continue;
      await emitQuestionOnce(deps, sid, ask.requestId, { questionId: ask.questionId, text: `About seq ${ask.seq}?`, reason: ask.reason });
      answers.push(entry(sid, { type: 'response_submitted', questionId: ask.questionId, answer: 'because', ts: 1 }, clock));
    }
  }
  for (let seq = 1, batch = 0; seq <= TOTAL; batch++) {
    // Entries queue 1 to 49 at a time, as a trigger under load finds them.
    const size = 1 + ((batch * 7) % 49);
    const queued = answers;
    answers = [];
    for (let k = 0; k < size && seq <= TOTAL; k++, seq++) {
      const f = frames[seq % frames.length];
      clock += 250;
      if (f.type === 'code_update') queued.push(update(sid, seq, f.code, clock));
    }
    await handleSession(deps, queued);
    await showQuestions();
    if (batch % 20 === 19) {
      // The candidate pauses for a minute: the wakes the scanner would claim come as ticks.
      const pauseEnd = clock + 60_000;
      for (let due = await tr.redis.zscore(tr.keys.due, sid); due !== null && Number(due) <= pauseEnd; due = await tr.redis.zscore(tr.keys.due, sid)) {
        await tr.redis.zrem(tr.keys.due, sid);
        clock = Math.max(clock, Number(due));
        await handleSession(deps, [...answers.splice(0), entry(sid, { type: 'tick', due: Number(due) }, clock, 'system')]);
        await showQuestions();
      }
      clock = pauseEnd;
    }
  }
  const out = await outEntries(sid);
  assert.ok(out.length < OUT_MAXLEN / 10, `the out stream holds only what sockets show (${out.length} entries)`);
  const questions = out.filter((e) => e.type === 'question');
  assert.ok(questions.length >= 1, 'questions were asked');
  assert.equal(questions.length, (await readState(deps, sid)).asked, 'every question is still in the out stream, for resume');
  await archiveOutStream({ redis: tr.redis, keys: tr.keys, db: db.pool }, sid);
  const { rows } = await db.pool.query<{ seq: number; n: number }>(
    `SELECT (payload->>'seq')::int AS seq, count(*)::int AS n FROM session_events
      WHERE session_id = $1 AND stream = 'out' AND type = 'decision' AND payload->>'tick' IS NULL GROUP BY 1`, [sid]);
  assert.equal(rows.length, TOTAL, 'a decision for every seq in the archive');
  assert.ok(rows.every((r) => r.n === 1), 'and one only');
  const archivedQuestions = await db.pool.query(`SELECT 1 FROM session_events WHERE session_id = $1 AND stream = 'out' AND type = 'question'`, [sid]);
  assert.equal(archivedQuestions.rowCount, questions.length);
  // The out stream keeps what interviewers were shown (here a rewrite every few hundred updates, so
  // hundreds of held-back moments); the state holds one version's worth, outbox emptied.
  const stateBytes = Number(await tr.redis.memory('USAGE', tr.keys.state(sid), 'SAMPLES', 0));
  assert.ok(stateBytes <= 64 * 1024, `P:state in ${stateBytes} bytes`);
  assert.equal(Object.keys(await tr.redis.hgetall(tr.keys.state(sid))).filter((k) => k.startsWith(OUTBOX_PREFIX)).length, 0);
});
