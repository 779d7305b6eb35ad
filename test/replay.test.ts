import { createDecisionArchive } from '../services/trigger/archive.ts';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { archiveOutStream } from '../shared/archive.ts';
import { loadConfig } from '../shared/config.ts';
import type { StreamMessage } from '../shared/consumer.ts';
import { appendFrame, type IngestDeps } from '../shared/ingest.ts';
import { emitOnce } from '../shared/out.ts';
import type { ClientFrame } from '../shared/protocol.ts';
import { AskEntry, fieldsToRecord, InEntry } from '../shared/streams.ts';
import { handleAnswer } from '../services/agent/answer.ts';
import { handleAsk } from '../services/agent/ask.ts';
import { direct } from '../services/agent/brain.ts';
import type { AgentDeps } from '../services/agent/context.ts';
import { createHeuristicProvider } from '../services/agent/heuristic/provider.ts';
import type { Provider } from '../services/agent/provider.ts';
import { insertReport, loadReportInput } from '../services/reporter/queries.ts';
import { buildReport } from '../services/reporter/report.ts';
import { persistPlan, planBatch } from '../services/snapshotter/persist.ts';
import { TipCache } from '../services/snapshotter/tips.ts';
import { handleIn, type TriggerDeps } from '../services/trigger/handler.ts';
import { claimDue } from '../services/trigger/scanner.ts';
import { getTimeline } from '../services/gateway/timeline.ts';
import { defaultSettings, settingsLoader } from '../services/trigger/settings.ts';
import { formatReplay } from '../scripts/replay/print.ts';
import { replaySession, type Finding, type ReplayResult } from '../scripts/replay/replay.ts';
import { freshDatabase, testLogger, testRedis, type TestDb, type TestRedis } from './helpers/env.ts';
import { PY_BRUTE, PY_HASH, upTo } from './fixtures/two-sum.ts';

// The audit replay on sessions built by the real handlers (ingest, snapshotter persistence, trigger,
// agent with the heuristic provider, report, archive) on real Postgres and Redis: a clean session
// replays as a match; editing or deleting any one archived row, a snapshot, a stored score or the
// report is detected and located. Each tampering runs in a transaction that is rolled back.

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEFAULTS = defaultSettings(loadConfig());
// Asking on the update itself (no settle time) keeps these sessions short; the settle tick has its own test.
const SETTINGS = { quietStartSec: 0, minQuestionIntervalSec: 0, maxQuestions: 5, settleSec: 0 };

let db: TestDb;
let tr: TestRedis;

before(async () => {
  db = await freshDatabase();
  // pool.end() in db.drop() resolves before its sockets close, and DROP DATABASE … WITH (FORCE) can
  // then kill one: without a listener, that idle client's error would be an uncaught exception.
  db.pool.on('error', () => undefined);
  tr = testRedis();
});
after(async () => {
  await tr.cleanup();
  await db.drop();
});

/** The snapshotter's cache of each session's newest version: snapshots are deltas, as live. */
const tips = new TipCache();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));


/** One candidate's session through the real write path and handlers, one frame at a time. */
class Driver {
  seq = 0;
  private lastAsk = '';
  readonly agent: AgentDeps;
  readonly trigger: TriggerDeps;
  readonly ingest: IngestDeps;

  constructor(readonly sid: string, provider: Provider) {
    const log = testLogger();
    this.agent = { redis: tr.redis, keys: tr.keys, db: db.pool, log, brain: direct(provider), retriever: null, memory: { redis: tr.redis, keys: tr.keys } };
    this.trigger = { redis: tr.redis, keys: tr.keys, stateTtlSec: 3600, log, settings: settingsLoader(db.pool, DEFAULTS), archive: createDecisionArchive(db.pool, log) };
    this.ingest = {
      redis: tr.redis, keys: tr.keys, ingestTtlSec: 3600, reportUrl: (s) => `http://127.0.0.1/v1/sessions/${s}/report`,
      limits: { maxFrameBytes: 1 << 20, maxCodeBytes: 256 * 1024, maxAnswerBytes: 16 * 1024 },
    };
  }

  /** gateway → P:in; then what each consumer group does with the entry; then the agent's question requests */
  async send(frame: ClientFrame): Promise<void> {
    await sleep(3); // a person's frames are never in the same millisecond
    const reply = await appendFrame(this.ingest, { sessionId: this.sid, role: 'candidate' }, frame);
    assert.equal(reply.type, 'ack', JSON.stringify(reply));
    const id = reply.type === 'ack' ? reply.eventId : '';
    const [[, flat]] = await tr.redis.xrange(tr.keys.in, id, id);
    const fields = fieldsToRecord(flat);
    const msg: StreamMessage<InEntry> = { id, stream: tr.keys.in, fields, body: InEntry.parse(fields) };
    await persistPlan(db.pool, planBatch([msg]), tips);
    await handleIn(this.trigger, msg);
    if (msg.body.frame.type === 'response_submitted') await handleAnswer(this.agent, msg);
    if (!this.holdAsks) await this.handleAsks();
  }

  /**
   * Two updates handled by two trigger replicas, the newer one first: the older is stale by the time
   * its replica commits, so the live trigger never decides it.
   */
  async raced(older: string, newer: string): Promise<void> {
    const msgs: StreamMessage<InEntry>[] = [];
    for (const code of [older, newer]) {
      await sleep(3);
      const reply = await appendFrame(this.ingest, { sessionId: this.sid, role: 'candidate' }, { type: 'code_update', seq: ++this.seq, code, language: 'python', ts: Date.now() });
      const id = reply.type === 'ack' ? reply.eventId : '';
      const [[, flat]] = await tr.redis.xrange(tr.keys.in, id, id);
      const fields = fieldsToRecord(flat);
      msgs.push({ id, stream: tr.keys.in, fields, body: InEntry.parse(fields) });
    }
    await persistPlan(db.pool, planBatch(msgs), tips);
    assert.ok(await handleIn(this.trigger, msgs[1]));
    assert.equal(await handleIn(this.trigger, msgs[0]), null, 'the older update is stale');
    if (!this.holdAsks) await this.handleAsks();
  }

  /**
   * Time passes until the session's scheduled wake: the scanner's claim writes the tick to P:in, and
   * the tick goes the way of every entry (archive, trigger, agent).
   */
  async wake(): Promise<number> {
    const due = await tr.redis.zscore(tr.keys.due, this.sid);
    assert.ok(due, 'a wake is scheduled');
    const before = await tr.redis.xrevrange(tr.keys.in, '+', '-', 'COUNT', 1);
    await claimDue({ redis: tr.redis, keys: tr.keys }, Number(due));
    const entries = (await tr.redis.xrange(tr.keys.in, before[0] ? `(${before[0][0]}` : '-', '+')) as [string, string[]][];
    const mine = entries.map(([id, f]) => ({ id, stream: tr.keys.in, fields: fieldsToRecord(f), body: InEntry.parse(fieldsToRecord(f)) }))
      .filter((m) => m.body.sessionId === this.sid);
    assert.equal(mine.length, 1, 'one tick');
    await persistPlan(db.pool, planBatch(mine), tips);
    await handleIn(this.trigger, mine[0]);
    if (!this.holdAsks) await this.handleAsks();
    return Number(due);
  }

  /** When set, question requests wait in P:ask (an agent that is slow or behind) until handleAsks(). */
  holdAsks = false;

  async handleAsks(): Promise<void> {
    const asks = await tr.redis.xrange(tr.keys.ask, this.lastAsk ? `(${this.lastAsk}` : '-', '+');
    for (const [askId, f] of asks) {
      this.lastAsk = askId;
      const rec = fieldsToRecord(f);
      const body = AskEntry.parse(rec);
      if (body.sessionId === this.sid) await handleAsk(this.agent, { id: askId, stream: tr.keys.ask, fields: rec, body });
    }
  }

  code(code: string): Promise<void> {
    return this.send({ type: 'code_update', seq: ++this.seq, code, language: 'python', ts: Date.now() });
  }

  answer(questionId: string, answer: string): Promise<void> {
    return this.send({ type: 'response_submitted', questionId, answer, ts: Date.now() });
  }

  async pending(): Promise<string> {
    const p = await tr.redis.hget(tr.keys.state(this.sid), 'pending');
    assert.ok(p, 'a question is pending');
    return p;
  }

  /** The reporter's path: archive the out stream, build and store the report, announce it; then the cleanup's archive. */
  async finish(): Promise<void> {
    await this.send({ type: 'end_session' });
    await this.report();
  }

  async report(): Promise<void> {
    const deps = { redis: tr.redis, keys: tr.keys, db: db.pool };
    await archiveOutStream(deps, this.sid);
    const input = await loadReportInput(db.pool, this.sid);
    assert.ok(input);
    await insertReport(db.pool, { sessionId: this.sid, report: buildReport({ ...input, generatedAt: new Date() }), provider: 'heuristic', model: 'heuristic-v1' });
    await emitOnce(deps, this.sid, 'report', 'report_ready', { reportUrl: this.ingest.reportUrl(this.sid) });
    await archiveOutStream(deps, this.sid);
  }
}

async function newSession(settings: Record<string, unknown> = SETTINGS): Promise<string> {
  const sid = randomUUID();
  await db.pool.query(
    `INSERT INTO sessions (id, candidate, problem, settings, expires_at)
     VALUES ($1, '{"name":"Ada"}', '{"title":"Two sum","statement":"Return the indices of two numbers that add up to target.","language":"python"}', $2, now() + interval '1 hour')`,
    [sid, settings],
  );
  return sid;
}

let full: string;
let withFollowUp: string;

test('a full session (typing, a question, an answer, a paste, a rewrite, the end) replays as a match', async () => {
  full = await newSession();
  const d = new Driver(full, createHeuristicProvider());
  await d.code(upTo(PY_BRUTE, 1));
  await d.code(upTo(PY_BRUTE, 2));
  await d.code(`${upTo(PY_BRUTE, 3)}\n            pass`);
  await d.code(upTo(PY_BRUTE, 7));
  const q1 = await d.pending();
  await d.send({ type: 'editor_event', kind: 'focus_lost', ts: Date.now() });
  await d.send({ type: 'editor_event', kind: 'focus_gained', ts: Date.now() });
  await d.answer(q1, 'two_sum is O(n^2): the loop on line 3 is nested inside the loop on line 2 and both run over nums.');
  await d.send({ type: 'editor_event', kind: 'paste', ts: Date.now(), detail: { chars: 240 } });
  await d.code(upTo(PY_HASH, 8));
  const q2 = await d.pending();
  assert.notEqual(q2, q1);
  await d.answer(q2, 'Now two_sum is O(n): seen is a dict, so each lookup is O(1) on average and nums is walked once.');
  await d.code(`${upTo(PY_HASH, 8)}\n\nprint(two_sum([2, 7, 11, 15], 9))\n`);
  await d.finish();

  const r = await replaySession(db.pool, full, { defaults: DEFAULTS });
  if (process.env.REPLAY_TEST_PRINT) console.log(formatReplay(r));
  assert.deepEqual(r.findings, [], formatReplay(r, { verify: true }));
  assert.equal(r.ok, true);
  assert.equal(r.counts.codeUpdates, 6);
  assert.equal(r.counts.decisions, 6, 'every code update was re-decided');
  // Since complexity_improved (32689c9): the dict rewrite at seq 5 asks what the dict buys (priority 88)
  // instead of the paste; the paste candidate is held in the backlog and asked at the next code
  // update (seq 6), after q2 was answered. That third question is still open when the session ends.
  assert.deepEqual(r.timeline.filter((i) => i.label === 'ASK').map((i) => i.text.split(' — ')[0]), ['nested_loops', 'complexity_improved', 'paste_burst']);
  assert.equal(r.counts.asks, 3);
  assert.equal(r.counts.questions, 3);
  assert.equal(r.counts.evaluations, 2);
  assert.deepEqual(r.notes, []);
  assert.equal(r.counts.report, 'compared');
  const kinds = r.timeline.map((i) => i.label);
  for (const k of ['code', 'ASK', 'Q', 'A', 'paste', 'END', 'REPORT']) assert.ok(kinds.includes(k), `timeline has ${k}`);
  assert.ok(kinds.some((k) => k.startsWith('GRADE')));
});

test('an update superseded by a second trigger replica was never decided live, and the replay skips it too', async () => {
  const sid = await newSession();
  const d = new Driver(sid, createHeuristicProvider());
  await d.code(upTo(PY_BRUTE, 1));
  await d.code(upTo(PY_BRUTE, 2));
  await d.raced(`${upTo(PY_BRUTE, 3)}\n            pass`, upTo(PY_BRUTE, 7));
  await d.finish();
  const r = await replaySession(db.pool, sid, { defaults: DEFAULTS });
  assert.deepEqual(r.findings, [], formatReplay(r, { verify: true }));
  assert.equal(r.counts.codeUpdates, 4);
  assert.equal(r.counts.decisions, 3, 'the superseded update is not re-decided');
});

test('a session with a follow-up question (claim-pending) replays as a match', async () => {
  withFollowUp = await newSession();
  const heuristic = createHeuristicProvider();
  const provider: Provider = {
    ...heuristic,
    name: heuristic.name, model: heuristic.model, question: (i) => heuristic.question(i),
    async evaluate(input) {
      const ev = await heuristic.evaluate(input);
      return ev.score < 70 ? { ...ev, followUp: 'Be more specific: which line of two_sum dominates its cost, and why?' } : ev;
    },
  };
  const d = new Driver(withFollowUp, provider);
  await d.code(upTo(PY_BRUTE, 7));
  const q1 = await d.pending();
  await d.answer(q1, 'not sure');
  const f = await d.pending();
  assert.notEqual(f, q1, 'the follow-up took the pending slot');
  // A pasted rewrite while the follow-up waits: held back (question_pending), asked once it is answered.
  await d.send({ type: 'editor_event', kind: 'paste', ts: Date.now(), detail: { chars: 240 } });
  await d.code(upTo(PY_HASH, 8));
  await d.answer(f, 'Line 4 of two_sum, inside both loops over nums: O(n^2) comparisons.');
  await d.code(`${upTo(PY_HASH, 8)}\n# done\n`);
  await d.finish();

  const { rows } = await db.pool.query<{ parent_id: string | null }>('SELECT parent_id FROM interactions WHERE session_id = $1', [withFollowUp]);
  assert.equal(rows.filter((x) => x.parent_id === q1).length, 1);
  const { rows: decisions } = await db.pool.query<{ reason_code: string }>(
    `SELECT payload->>'reasonCode' AS reason_code FROM session_events WHERE session_id = $1 AND type = 'decision' AND (payload->>'seq')::int = 2`, [withFollowUp]);
  assert.deepEqual(decisions.map((x) => x.reason_code), ['question_pending'], 'the follow-up held the rewrite back');
  const r = await replaySession(db.pool, withFollowUp, { defaults: DEFAULTS });
  if (process.env.REPLAY_TEST_PRINT) console.log(formatReplay(r));
  assert.deepEqual(r.findings, [], formatReplay(r, { verify: true }));
  assert.ok(r.counts.decisions >= 3 && r.counts.evaluations >= 2);
});

test('a question asked on time (a pause, no new code) replays from the archive alone; without its tick it is a difference', async () => {
  const sid = await newSession();
  const d = new Driver(sid, createHeuristicProvider());
  // The finished function, but the caret is still inside a line: no boundary, nothing asked.
  await d.send({ type: 'code_update', seq: ++d.seq, code: upTo(PY_BRUTE, 7), language: 'python', ts: Date.now(), cursor: { line: 5, col: 10 } });
  const { rows: before } = await db.pool.query(`SELECT 1 FROM interactions WHERE session_id = $1`, [sid]);
  assert.equal(before.length, 0);
  const at = await d.wake();
  const q = await d.pending();
  await d.answer(q, 'two_sum is O(n^2): the loop on line 3 is nested inside the loop on line 2, both over nums.');
  await d.finish();
  const { rows } = await db.pool.query<{ request_id: string; code_seq: string }>(`SELECT request_id, seq::text AS code_seq FROM interactions WHERE session_id = $1`, [sid]);
  assert.deepEqual(rows.map((x) => x.request_id), [`${sid}:1@${at}`], 'asked on the tick, about the code of seq 1');

  const r = await replaySession(db.pool, sid, { defaults: DEFAULTS });
  if (process.env.REPLAY_TEST_PRINT) console.log(formatReplay(r));
  assert.deepEqual(r.findings, [], formatReplay(r, { verify: true }));
  assert.equal(r.counts.asks, 1);
  const ask = r.timeline.find((i) => i.label === 'ASK');
  assert.match(ask?.text ?? '', /^nested_loops \(on a tick\)/);
  assert.ok(r.timeline.some((i) => i.kind === 'tick'));
  // The snapshotter archived the tick without taking it for code; the interviewers' timeline shows it.
  const { rows: snaps } = await db.pool.query('SELECT seq FROM code_snapshots WHERE session_id = $1', [sid]);
  assert.equal(snaps.length, 1);
  const tl = await getTimeline(db.pool, sid);
  assert.deepEqual(tl?.events.filter((e) => e.kind === 'tick').map((e) => [e.role, e.due]), [['system', at]]);

  // Remove the tick from the archive: the time-driven decision has lost its cause.
  const { rows: [tick] } = await db.pool.query<{ id: string }>(`SELECT id::text AS id FROM session_events WHERE session_id = $1 AND type = 'tick'`, [sid]);
  const gone = await tampered(sid, ['DELETE FROM session_events WHERE id = $1', [tick.id]]);
  assert.ok(on(gone, (f) => f.check === 'trigger' && /no tick at that time is archived/.test(f.message)).length === 1, describe(gone));
  // A different pause setting would not have asked at that moment: the replay says so, at that decision.
  const longer = await tampered(sid, [`UPDATE sessions SET settings = settings || '{"pauseSec":600}'::jsonb WHERE id = $1`, [sid]]);
  assert.ok(on(longer, (f) => f.check === 'trigger' && /recorded ask nested_loops, the replay decides skip/.test(f.message)).length === 1, describe(longer));
});

test('with a settle time, a finished line is asked about on the tick that finds the candidate still stopped; it replays from the archive', async () => {
  const sid = await newSession({ ...SETTINGS, settleSec: 5 });
  const d = new Driver(sid, createHeuristicProvider());
  await d.code(upTo(PY_BRUTE, 7));
  assert.ok(!(await tr.redis.hget(tr.keys.state(sid), 'pending')), 'the update at the boundary waits');
  const typedAt = Number(await tr.redis.hget(tr.keys.state(sid), 'lastUpdateAt'));
  const at = await d.wake();
  assert.equal(at, typedAt + 5000, 'woken once the settle time has passed');
  const q = await d.pending();
  await d.answer(q, 'two_sum is O(n^2): the loop on line 3 is nested inside the loop on line 2, both over nums.');
  await d.finish();
  const { rows: decided } = await db.pool.query<{ reason_code: string }>(
    `SELECT payload->>'reasonCode' AS reason_code FROM session_events WHERE session_id = $1 AND type = 'decision' ORDER BY id`, [sid]);
  assert.deepEqual(decided.map((x) => x.reason_code), ['settling', 'nested_loops']);
  const { rows } = await db.pool.query<{ request_id: string }>(`SELECT request_id FROM interactions WHERE session_id = $1`, [sid]);
  assert.deepEqual(rows.map((x) => x.request_id), [`${sid}:1@${at}`], 'asked on the tick, about the code of seq 1');
  const r = await replaySession(db.pool, sid, { defaults: DEFAULTS });
  assert.deepEqual(r.findings, [], formatReplay(r, { verify: true }));
  assert.match(r.timeline.find((i) => i.label === 'ASK')?.text ?? '', /^nested_loops \(on a tick\)/);
  // Asking on the update itself would have decided differently, at that update.
  const eager = await tampered(sid, [`UPDATE sessions SET settings = settings || '{"settleSec":0}'::jsonb WHERE id = $1`, [sid]]);
  assert.ok(on(eager, (f) => f.check === 'trigger').length >= 1, describe(eager));
});

test('a moment held back until the end is in the report under "not asked", with why; the report rebuilds the same', async () => {
  const sid = await newSession();
  const d = new Driver(sid, createHeuristicProvider());
  await d.code(upTo(PY_BRUTE, 7));
  await d.pending();
  const helper = 'def largest(xs):\n    best = xs[0]\n    for x in xs:\n        if x > best:\n            best = x\n    return best\n';
  await d.code(`${upTo(PY_BRUTE, 7)}\n${helper}`);
  await d.finish();
  const { rows: [stored] } = await db.pool.query<{ report: { timeline: { notAsked?: { function: string | null; why: string; moment: string }[] } } }>(
    'SELECT report FROM reports WHERE session_id = $1', [sid]);
  const notAsked = stored.report.timeline.notAsked ?? [];
  assert.deepEqual(notAsked.map((x) => x.function), ['largest'], JSON.stringify(notAsked));
  assert.match(notAsked[0].why, /a question was still waiting for its answer/);
  const r = await replaySession(db.pool, sid, { defaults: DEFAULTS });
  assert.deepEqual(r.findings, [], formatReplay(r, { verify: true }));
});

test('a question request the agent handles after the session ended asks nothing; the replay notes it, not as a difference', async () => {
  const sid = await newSession();
  const d = new Driver(sid, createHeuristicProvider());
  d.holdAsks = true; // the agent is behind: the request waits in P:ask while the candidate ends the session
  await d.code(upTo(PY_BRUTE, 7));
  await d.pending();
  await d.send({ type: 'end_session' });
  await d.handleAsks();
  await d.report();
  const count = async (sql: string) => (await db.pool.query(sql, [sid])).rowCount;
  assert.equal(await count('SELECT 1 FROM interactions WHERE session_id = $1'), 0);
  assert.equal(await count('SELECT 1 FROM llm_calls WHERE session_id = $1'), 0, 'the model was not called');
  assert.equal(await count(`SELECT 1 FROM session_events WHERE session_id = $1 AND type = 'question'`), 0);

  const r = await replaySession(db.pool, sid, { defaults: DEFAULTS });
  if (process.env.REPLAY_TEST_PRINT) console.log(formatReplay(r));
  assert.deepEqual(r.findings, [], formatReplay(r, { verify: true }));
  assert.equal(r.ok, true);
  assert.equal(r.counts.asks, 1);
  assert.equal(r.notes.length, 1, formatReplay(r, { verify: true }));
  assert.equal(r.notes[0].check, 'trigger');
  assert.equal(r.notes[0].seq, 1);
  assert.match(r.notes[0].message, /session ended before it could be shown, so the agent withdrew it \(the model was not called\)/);
  assert.match(formatReplay(r, { verify: true }), /^VERDICT: matches \(.*, 1 note\)\n {2}note: \[trigger\] session_events id \d+ \(out decision seq 1, /);
});

test('a question whose session ended while the model wrote it is withdrawn; its model call stays as provenance and the replay notes it', async () => {
  const sid = await newSession();
  const heuristic = createHeuristicProvider();
  let d: Driver | null = null;
  const provider: Provider = {
    ...heuristic, name: heuristic.name, model: heuristic.model, evaluate: (i) => heuristic.evaluate(i),
    async question(input) {
      // The candidate ends the session while the model is thinking.
      assert.ok(d);
      d.holdAsks = true;
      await d.send({ type: 'end_session' });
      return heuristic.question(input);
    },
  };
  d = new Driver(sid, provider);
  await d.code(upTo(PY_BRUTE, 7));
  await d.report();
  assert.equal((await db.pool.query('SELECT 1 FROM interactions WHERE session_id = $1', [sid])).rowCount, 0, 'the question row is withdrawn');
  const calls = await db.pool.query<{ kind: string; status: string }>('SELECT kind, status FROM llm_calls WHERE session_id = $1', [sid]);
  assert.deepEqual(calls.rows.map((c) => [c.kind, c.status]), [['question', 'done']], 'the model call is kept');
  const types = (await db.pool.query<{ type: string }>(`SELECT type FROM session_events WHERE session_id = $1 AND stream = 'out' ORDER BY id`, [sid])).rows.map((x) => x.type);
  assert.ok(!types.includes('question'), types.join());
  assert.ok(types.includes('session_ended') && types.includes('report_ready'), types.join());

  const r = await replaySession(db.pool, sid, { defaults: DEFAULTS });
  if (process.env.REPLAY_TEST_PRINT) console.log(formatReplay(r));
  assert.deepEqual(r.findings, [], formatReplay(r, { verify: true }));
  assert.equal(r.notes.length, 1);
  assert.match(r.notes[0].message, /withdrew it \(its model call [0-9a-f-]+:1:question is kept as provenance\)/);
  const cli1 = await cli(sid, '--verify');
  assert.equal(cli1.code, 0, cli1.stdout + cli1.stderr);
  assert.match(cli1.stdout, /note: \[trigger\]/);
});

interface Row {
  id: number;
  stream: string;
  type: string;
  payload: Record<string, unknown>;
}

async function rows(sid: string): Promise<Row[]> {
  return (await db.pool.query<Row>('SELECT id::int AS id, stream, type, payload FROM session_events WHERE session_id = $1 ORDER BY id', [sid])).rows;
}

/** Runs the replay on a client inside a transaction that changed something, then rolls it back. */
async function tampered(sid: string, ...statements: [string, unknown[]][]): Promise<ReplayResult> {
  const client = await db.pool.connect();
  try {
    await client.query('BEGIN');
    for (const [sql, params] of statements) await client.query(sql, params);
    return await replaySession(client, sid, { defaults: DEFAULTS });
  } finally {
    await client.query('ROLLBACK');
    client.release();
  }
}

const describe = (r: ReplayResult) => formatReplay(r, { verify: true });
const on = (r: ReplayResult, pred: (f: Finding) => boolean) => r.findings.filter(pred);

test('editing any one archived row is detected and located at that row', async () => {
  for (const row of await rows(full)) {
    const r = await tampered(full, ['UPDATE session_events SET payload = payload || \'{"x":1}\'::jsonb WHERE id = $1', [row.id]]);
    assert.equal(r.ok, false, `edit of id ${row.id} (${row.type}) went unnoticed`);
    const hit = on(r, (f) => f.check === 'chain' && f.rowId === row.id);
    assert.equal(hit.length, 1, describe(r));
    assert.match(hit[0].where, new RegExp(`^session_events id ${row.id} \\(${row.stream} ${row.type}`));
    assert.match(hit[0].message, /content does not match its hash — edited/);
  }
  const decision = (await rows(full)).find((x) => x.type === 'decision' && x.payload.decision === 'ask');
  assert.ok(decision);
  const r = await tampered(full, ['UPDATE session_events SET payload = jsonb_set(payload, \'{reason}\', \'"the candidate asked for it"\') WHERE id = $1', [decision.id]]);
  assert.ok(on(r, (f) => f.check === 'chain' && f.rowId === decision.id).length === 1, describe(r));
  assert.ok(on(r, (f) => f.check === 'trigger' && f.rowId === decision.id && /reason differs/.test(f.message)).length === 1, describe(r));
  const evaluation = (await rows(full)).find((x) => x.type === 'evaluation');
  assert.ok(evaluation);
  const r2 = await tampered(full, ['UPDATE session_events SET payload = jsonb_set(payload, \'{score}\', \'100\') WHERE id = $1', [evaluation.id]]);
  assert.ok(on(r2, (f) => f.check === 'chain' && f.rowId === evaluation.id).length === 1, describe(r2));
  assert.ok(on(r2, (f) => f.check === 'evaluation' && f.rowId === evaluation.id && /shown score 100/.test(f.message)).length === 1, describe(r2));
  if (process.env.REPLAY_TEST_PRINT) console.log(describe(r), '\n', describe(r2));
});

test('an edit that also recomputes the row\'s own hash is caught by the next row', async () => {
  const all = await rows(full);
  const target = all[Math.floor(all.length / 2)];
  const r = await tampered(full, [
    `UPDATE session_events SET payload = payload || '{"x":1}'::jsonb WHERE id = $1`, [target.id],
  ], [
    `UPDATE session_events SET hash = event_hash(prev_hash, event_canonical(session_id, stream, stream_id, type, role, payload, at)) WHERE id = $1`, [target.id],
  ]);
  const hit = on(r, (f) => f.check === 'chain' && f.rowId === target.id);
  assert.equal(hit.length, 1, describe(r));
  assert.match(hit[0].message, /content and hash were both rewritten/);
  if (process.env.REPLAY_TEST_PRINT) console.log(describe(r));
});

test('deleting any one archived row is detected; inside the chain it is located at the row after the gap', async () => {
  const all = await rows(full);
  for (const [i, row] of all.entries()) {
    const r = await tampered(full, ['DELETE FROM session_events WHERE id = $1', [row.id]]);
    assert.equal(r.ok, false, `deleting id ${row.id} (${row.type}) went unnoticed`);
    const next = all[i + 1];
    if (next) {
      const hit = on(r, (f) => f.check === 'chain' && f.rowId === next.id);
      assert.equal(hit.length, 1, describe(r));
      assert.match(hit[0].message, i === 0 ? /before id \d+ are missing/ : new RegExp(`row before id ${next.id} is missing .*the row before it now is id ${all[i - 1].id}`));
    }
    if (process.env.REPLAY_TEST_PRINT && (i === 0 || !next || row.type === 'response_submitted')) console.log(describe(r));
  }
});

test('an edited code snapshot is named by its seq', async () => {
  // Whichever way seq 4 is stored (its full text, or a delta whose replaced middle comes last).
  const r = await tampered(full, [
    `UPDATE code_snapshots SET code = code || '# harmless?', delta = delta || convert_to('# harmless?', 'UTF8') WHERE session_id = $1 AND seq = 4`, [full],
  ]);
  const hit = on(r, (f) => f.check === 'snapshot' && f.seq === 4);
  assert.ok(hit.length >= 1, describe(r));
  assert.equal(hit[0].where, 'code_snapshots seq 4');
  assert.match(hit[0].message, /does not match the archived codeSha256/);
  const { rows: deltas } = await db.pool.query('SELECT 1 FROM code_snapshots WHERE session_id = $1 AND seq = 4 AND delta IS NOT NULL', [full]);
  assert.equal(deltas.length, 1, 'seq 4 is stored as a delta');
  const gone = await tampered(full, [`DELETE FROM code_snapshots WHERE session_id = $1 AND seq = 2`, [full]]);
  assert.ok(on(gone, (f) => f.where === 'code_snapshots seq 2' && /missing/.test(f.message)).length === 1, describe(gone));
  // Versions built on seq 2 cannot be rebuilt any more, and say so.
  assert.ok(on(gone, (f) => f.where === 'code_snapshots seq 3' && /cannot be rebuilt: its base, seq 2, is not stored/.test(f.message)).length === 1, describe(gone));
  if (process.env.REPLAY_TEST_PRINT) console.log(describe(r), '\n', describe(gone));
});

test('an edited stored score is named by its question, and the rebuilt report differs where it cites it', async () => {
  const { rows: qs } = await db.pool.query<{ id: string; score: number }>('SELECT id, score FROM interactions WHERE session_id = $1 AND score IS NOT NULL ORDER BY asked_at', [full]);
  const q = qs[0];
  const r = await tampered(full, ['UPDATE interactions SET score = $2 WHERE id = $1', [q.id, q.score === 100 ? 1 : 100]]);
  const hit = on(r, (f) => f.check === 'evaluation' && f.questionId === q.id);
  assert.ok(hit.length >= 1, describe(r));
  assert.equal(hit[0].where, `interactions ${q.id}`);
  assert.match(hit[0].message, /^score \d+ differs from \d+, re-derived from the recorded model output$/);
  assert.ok(on(r, (f) => f.check === 'report').length >= 1, 'the report cites the score');

  const rep = await tampered(full, [`UPDATE reports SET report = jsonb_set(report, '{overall,score}', '7') WHERE session_id = $1`, [full]]);
  assert.deepEqual(on(rep, (f) => f.check === 'report').map((f) => f.path), ['overall.score'], describe(rep));
  assert.equal(rep.findings.length, 1, describe(rep));
  if (process.env.REPLAY_TEST_PRINT) console.log(describe(r), '\n', describe(rep));
});

test('a shown question whose interaction row is deleted is a difference, not a withdrawn question', async () => {
  const { rows: [last] } = await db.pool.query<{ id: string; request_id: string }>(
    'SELECT id, request_id FROM interactions WHERE session_id = $1 ORDER BY asked_at DESC LIMIT 1', [full]);
  const r = await tampered(full, ['DELETE FROM interactions WHERE id = $1', [last.id]]);
  assert.equal(r.ok, false);
  assert.deepEqual(r.notes, []);
  assert.ok(on(r, (f) => f.check === 'trigger' && f.message.includes(`recorded ask ${last.request_id} has no interaction`)).length === 1, describe(r));
  assert.ok(on(r, (f) => f.check === 'question' && f.questionId === last.id && /no interactions row/.test(f.message)).length === 1, describe(r));
});

test('a trigger that would decide differently is located at the code update where it diverges, and only there', async () => {
  // sessions is not part of the chain: a changed setting is what a changed rule looks like to the replay.
  // The session asked at seq 4, 5 and 6. With at most 2 questions only the third ask (seq 6) diverges.
  const r = await tampered(full, [`UPDATE sessions SET settings = settings || '{"maxQuestions":2}'::jsonb WHERE id = $1`, [full]]);
  const hit = on(r, (f) => f.check === 'trigger');
  assert.equal(hit.length, 1, describe(r));
  assert.equal(r.findings.length, 1, describe(r));
  assert.equal(hit[0].seq, 6);
  assert.match(hit[0].where, /^session_events id \d+ \(out decision seq 6, /);
  assert.match(hit[0].message, /^recorded ask paste_burst, the replay decides skip max_questions$/);
  // With at most 1, every ask after the first diverges (the replay continues from the recorded outcome,
  // so each is reported where it happens): seq 5 and seq 6, and nothing before.
  const r1 = await tampered(full, [`UPDATE sessions SET settings = settings || '{"maxQuestions":1}'::jsonb WHERE id = $1`, [full]]);
  const hit1 = on(r1, (f) => f.check === 'trigger');
  assert.equal(r1.findings.length, 2, describe(r1));
  assert.deepEqual(hit1.map((f) => f.seq), [5, 6], describe(r1));
  assert.match(hit1[0].where, /^session_events id \d+ \(out decision seq 5, /);
  assert.match(hit1[0].message, /^recorded ask complexity_improved, the replay decides skip max_questions$/);
  assert.match(hit1[1].where, /^session_events id \d+ \(out decision seq 6, /);
  assert.match(hit1[1].message, /^recorded ask paste_burst, the replay decides skip max_questions$/);
  if (process.env.REPLAY_TEST_PRINT) console.log(describe(r), '\n', describe(r1));
});

function cli(sid: string, ...flags: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'scripts/replay/main.ts', sid, ...flags], {
      cwd: ROOT, env: { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: 'silent' }, timeout: 60_000,
    }, (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr }));
  });
}

test('the CLI: --verify exits 0 on the clean session and 1 on a tampered one', async () => {
  const clean = await cli(full, '--verify');
  assert.equal(clean.code, 0, clean.stdout + clean.stderr);
  assert.match(clean.stdout, /^VERDICT: matches \(\d+ events, 6 decisions, 2 evaluations; report rebuilt and compared\)/);
  const timeline = await cli(full);
  assert.equal(timeline.code, 0);
  assert.match(timeline.stdout, /\+\d\d:\d\d {2}ASK/);

  const target = (await rows(full)).find((x) => x.type === 'question');
  assert.ok(target);
  const { rows: [orig] } = await db.pool.query<{ payload: string }>('SELECT payload::text AS payload FROM session_events WHERE id = $1', [target.id]);
  await db.pool.query(`UPDATE session_events SET payload = jsonb_set(payload, '{text}', '"What is your favourite colour?"') WHERE id = $1`, [target.id]);
  try {
    const bad = await cli(full, '--verify');
    assert.equal(bad.code, 1, bad.stdout + bad.stderr);
    assert.match(bad.stdout, /^VERDICT: differs/);
    if (process.env.REPLAY_TEST_PRINT) console.log(bad.stdout);
    assert.match(bad.stdout, new RegExp(`\\[chain\\] session_events id ${target.id} \\(out question q_[0-9a-f]+, stream id [0-9]+-[0-9]+\\): content does not match its hash — edited`));
  } finally {
    await db.pool.query('UPDATE session_events SET payload = $2::jsonb WHERE id = $1', [target.id, orig.payload]);
  }
  assert.equal((await cli(full, '--verify')).code, 0, 'restored');
  assert.equal((await cli(randomUUID(), '--verify')).code, 2, 'an unknown session cannot be replayed');
});
