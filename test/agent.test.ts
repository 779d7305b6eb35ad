import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { StreamMessage } from '../shared/consumer.ts';
import type { Queryable } from '../shared/db/pool.ts';
import { askRequestId, questionIdFor } from '../shared/ids.ts';
import { appendFrame, type IngestDeps } from '../shared/ingest.ts';
import type { Interaction, Retriever } from '../shared/retrieval.ts';
import { fieldsToRecord, OutEntry, type AskEntry, type InEntry } from '../shared/streams.ts';
import { handleAnswer } from '../services/agent/answer.ts';
import { handleAsk } from '../services/agent/ask.ts';
import { direct } from '../services/agent/brain.ts';
import { createHeuristicProvider } from '../services/agent/heuristic/provider.ts';
import type { AgentDeps } from '../services/agent/context.ts';
import type { InteractionRow } from '../services/agent/interactions.ts';
import { chatContext, type Turn } from '../services/agent/memory.ts';
import type { EvaluationInput, Provider, QuestionInput } from '../services/agent/provider.ts';
import { freshDatabase, testLogger, testRedis, type TestDb, type TestRedis } from './helpers/env.ts';

// The agent's handlers on real Postgres and Redis with a counting provider: one question per
// request however often it is delivered, one model call per request (provenance reused), answers
// stored once and graded once, unknown questions answered with the protocol's error, a follow-up
// only when no other question is pending, nothing asked after the session ended, chat turns added
// once however often a message is delivered, and everything an answer shows emitted before its
// evaluation is stored (the reporter's signal that the answer is done).

let db: TestDb;
let tr: TestRedis;
let deps: AgentDeps;
const calls = { question: 0, evaluate: 0 };
let followUp: string | undefined;
/** runs while the model "writes" a question (e.g. the candidate ends the session meanwhile) */
let duringQuestion: (() => Promise<void>) | undefined;

const fake: Provider = {
  name: 'fake', model: 'fake-1',
  async question(input: QuestionInput) {
    calls.question++;
    await duringQuestion?.();
    return { text: `What is the time complexity of ${input.context.function ?? 'f'}?`, topic: 'time_complexity', lines: [1, 3], expected: { complexity: 'O(n)' } };
  },
  async evaluate(input: EvaluationInput) {
    calls.evaluate++;
    const good = /O\(n\)/.test(input.answer);
    return { score: good ? 90 : 30, rubric: { correctness: good ? 3 : 1 }, rationale: good ? 'Right class.' : 'Vague.', flags: [], missing: good ? [] : ['class'], followUp: good ? undefined : followUp };
  },
};

before(async () => {
  db = await freshDatabase();
  tr = testRedis();
  deps = { redis: tr.redis, keys: tr.keys, db: db.pool, log: testLogger(), brain: direct(fake), retriever: null, memory: { redis: tr.redis, keys: tr.keys, keepTurns: 4, summaryChars: 300 } };
});
after(async () => {
  await tr.cleanup();
  await db.drop();
});

async function session(): Promise<string> {
  const id = randomUUID();
  await db.pool.query(`INSERT INTO sessions (id, candidate, problem, expires_at) VALUES ($1, '{"name":"A"}', '{"title":"t","language":"python"}', now() + interval '1 hour')`, [id]);
  await db.pool.query(`INSERT INTO code_snapshots (session_id, seq, code, language, bytes, lines, client_ts, stream_id, received_at) VALUES ($1, 1, 'def f(xs):\n  return sum(xs)\n', 'python', 10, 2, 0, '1-0', now())`, [id]);
  return id;
}

function askMsg(sessionId: string, seq = 1): StreamMessage<AskEntry> {
  const requestId = askRequestId(sessionId, seq);
  return {
    id: `${1000 + seq}-0`, stream: tr.keys.ask, fields: {},
    body: { sessionId, requestId, seq, reasonCode: 'function_completed', reason: 'f looks finished.', at: Date.now(), questionId: questionIdFor(requestId), language: 'python', code: 'def f(xs):\n  return sum(xs)\n', context: { function: 'f', lines: [1, 2], topic: 'time_complexity' } },
  };
}

/** A question request that must produce a question (the session is open). */
async function asked(m: StreamMessage<AskEntry>): Promise<InteractionRow> {
  const row = await handleAsk(deps, m);
  assert.ok(row, 'a question was asked');
  return row;
}

let n = 0;
function answerMsg(sessionId: string, questionId: string, answer: string): StreamMessage<InEntry> {
  n++;
  return { id: `${2000 + n}-0`, stream: tr.keys.in, fields: {}, body: { sessionId, role: 'candidate', type: 'response_submitted', at: Date.now(), frame: { type: 'response_submitted', id: `a${n}`, questionId, answer, ts: 0 } } };
}

async function out(sessionId: string): Promise<OutEntry[]> {
  return (await tr.redis.xrange(tr.keys.out(sessionId), '-', '+')).map(([, f]) => OutEntry.parse(fieldsToRecord(f)));
}

test('a redelivered question request asks once and calls the model once', async () => {
  const sid = await session();
  const before = calls.question;
  const m = askMsg(sid);
  const [a, b] = await Promise.all([handleAsk(deps, m), handleAsk(deps, m)]);
  await handleAsk(deps, m);
  assert.ok(a && b, 'both deliveries see the question');
  assert.equal(a.id, b.id);
  assert.equal(calls.question - before, 1, 'the model is called once per request id');
  const rows = await db.pool.query('SELECT * FROM interactions WHERE session_id = $1', [sid]);
  assert.equal(rows.rowCount, 1);
  const llm = await db.pool.query<{ provider: string; kind: string; prompt_hash: string; parsed_output: { text: string } }>('SELECT * FROM llm_calls WHERE session_id = $1', [sid]);
  assert.equal(llm.rowCount, 1);
  assert.equal(llm.rows[0].provider, 'fake');
  assert.equal(llm.rows[0].kind, 'question');
  assert.match(llm.rows[0].prompt_hash, /^[0-9a-f]{64}$/);
  assert.equal(llm.rows[0].parsed_output.text, a.question);
  assert.equal((await out(sid)).filter((e) => e.type === 'question').length, 1);
});

test('an answer is stored once, graded once, and the grade reaches interviewers only', async () => {
  const sid = await session();
  const q = await asked(askMsg(sid));
  const before = calls.evaluate;
  const m = answerMsg(sid, q.id, 'It is O(n): one pass over xs.');
  await handleAnswer(deps, m);
  await handleAnswer(deps, m);
  assert.equal(calls.evaluate - before, 1);
  const row = (await db.pool.query<{ answer: string; score: number }>('SELECT answer, score FROM interactions WHERE id = $1', [q.id])).rows[0];
  assert.equal(row.answer, 'It is O(n): one pass over xs.');
  assert.equal(row.score, 90);
  const entries = await out(sid);
  assert.equal(entries.filter((e) => e.type === 'answer_received').length, 1);
  const ev = entries.filter((e) => e.type === 'evaluation');
  assert.equal(ev.length, 1);
  assert.equal(ev[0].audience, 'interviewer');
  // A second, different answer to the same question does not replace the first.
  await handleAnswer(deps, answerMsg(sid, q.id, 'Actually O(1).'));
  assert.equal((await db.pool.query<{ answer: string }>('SELECT answer FROM interactions WHERE id = $1', [q.id])).rows[0].answer, 'It is O(n): one pass over xs.');
  assert.ok((await out(sid)).some((e) => e.type === 'error' && e.data.code === 'invalid_message'));
});

test('an answer to a question this session never got is unknown_question', async () => {
  const sid = await session();
  const other = await session();
  const q = await asked(askMsg(other));
  await handleAnswer(deps, answerMsg(sid, q.id, 'O(n)'));
  await handleAnswer(deps, answerMsg(sid, 'q_nope', 'O(n)'));
  const errors = (await out(sid)).filter((e) => e.type === 'error');
  assert.deepEqual(errors.map((e) => e.data.code), ['unknown_question', 'unknown_question']);
});

test('a partial answer gets one follow-up, only when no other question is pending', async () => {
  followUp = 'Be more specific: which line dominates the cost?';
  try {
    const sid = await session();
    const q = await asked(askMsg(sid));
    await tr.redis.hset(tr.keys.state(sid), 'pending', q.id, 'pendingSince', Date.now());
    await handleAnswer(deps, answerMsg(sid, q.id, 'not sure'));
    const fu = (await db.pool.query<{ id: string; parent_id: string; question: string; reason_code: string }>('SELECT * FROM interactions WHERE parent_id = $1', [q.id])).rows;
    assert.equal(fu.length, 1);
    assert.equal(fu[0].question, followUp);
    assert.equal(await tr.redis.hget(tr.keys.state(sid), 'pending'), fu[0].id, 'the follow-up is now the one pending question');
    // An answer to the follow-up that is partial again does not start a chain.
    await handleAnswer(deps, answerMsg(sid, fu[0].id, 'still not sure'));
    assert.equal((await db.pool.query('SELECT 1 FROM interactions WHERE session_id = $1', [sid])).rowCount, 2);

    // Another question already pending: no follow-up.
    const sid2 = await session();
    const q2 = await asked(askMsg(sid2));
    await tr.redis.hset(tr.keys.state(sid2), 'pending', 'q_other', 'pendingSince', Date.now());
    await handleAnswer(deps, answerMsg(sid2, q2.id, 'not sure'));
    assert.equal((await db.pool.query('SELECT 1 FROM interactions WHERE parent_id = $1', [q2.id])).rowCount, 0);
  } finally {
    followUp = undefined;
  }
});

test('chat memory of a long session stays within its window and keeps a summary of the rest', async () => {
  const sid = await session();
  for (let i = 1; i <= 12; i++) {
    const q = await asked(askMsg(sid, i));
    await handleAnswer(deps, answerMsg(sid, q.id, `Answer number ${i}: it is O(n) because of the loop. ${'detail '.repeat(50)}`));
  }
  const raw = await tr.redis.lrange(tr.keys.chat(sid), 0, -1);
  assert.equal(raw.length, 1 + 4, 'summary + the newest 4 turns');
  const ctx = await chatContext(deps.memory, sid, 1200);
  assert.ok(ctx.summary.length > 0 && ctx.summary.length <= 400);
  assert.match(ctx.summary, /Graded 90\/100/);
  assert.ok(ctx.turns.reduce((s, t) => s + t.text.length, 0) + ctx.summary.length <= 1200 + 80 * ctx.turns.length);
  assert.equal(ctx.turns.at(-1)?.role, 'grader', 'the newest turn is kept');
});

async function endSession(sessionId: string): Promise<void> {
  const ingest: IngestDeps = {
    redis: tr.redis, keys: tr.keys, ingestTtlSec: 3600, reportUrl: (id) => `http://x/v1/sessions/${id}/report`,
    limits: { maxFrameBytes: 1 << 20, maxCodeBytes: 256 * 1024, maxAnswerBytes: 16 * 1024 },
  };
  const reply = await appendFrame(ingest, { sessionId, role: 'candidate' }, { type: 'end_session' });
  assert.equal(reply.type, 'ack');
}

const count = async (sql: string, sid: string) => (await db.pool.query(sql, [sid])).rowCount;

test('a question request handled after end_session asks nothing and emits nothing', async () => {
  const sid = await session();
  await endSession(sid);
  const before = calls.question;
  const m = askMsg(sid);
  assert.equal(await handleAsk(deps, m), null);
  assert.equal(await handleAsk(deps, m), null, 'a redelivery too');
  assert.equal(calls.question - before, 0, 'the model is not called');
  assert.equal(await count('SELECT 1 FROM interactions WHERE session_id = $1', sid), 0);
  assert.equal(await count('SELECT 1 FROM llm_calls WHERE session_id = $1', sid), 0);
  assert.deepEqual((await out(sid)).map((e) => e.type), ['session_ended'], 'nothing after session_ended');
  assert.equal(await tr.redis.exists(tr.keys.chat(sid)), 0, 'no chat turn for a question never asked');
});

test('a session that ends while the model writes the question: nothing is shown, the row is withdrawn, the model call is kept', async () => {
  const sid = await session();
  duringQuestion = () => endSession(sid);
  try {
    assert.equal(await handleAsk(deps, askMsg(sid)), null);
  } finally {
    duringQuestion = undefined;
  }
  assert.equal(await count('SELECT 1 FROM interactions WHERE session_id = $1', sid), 0, 'never shown, so not part of the session');
  const llm = await db.pool.query<{ kind: string; status: string; interaction_id: string }>('SELECT kind, status, interaction_id FROM llm_calls WHERE session_id = $1', [sid]);
  assert.deepEqual(llm.rows.map((r) => [r.kind, r.status, r.interaction_id]), [['question', 'done', questionIdFor(askRequestId(sid, 1))]], 'provenance kept');
  assert.deepEqual((await out(sid)).map((e) => e.type), ['session_ended']);
  assert.equal(await tr.redis.exists(tr.keys.chat(sid)), 0);
  // A redelivery does not bring it back, and does not call the model again.
  const before = calls.question;
  assert.equal(await handleAsk(deps, askMsg(sid)), null);
  assert.equal(calls.question, before);
  assert.deepEqual((await out(sid)).map((e) => e.type), ['session_ended']);
});

test('a question shown before the end stays shown: a redelivery after the end re-emits nothing and withdraws nothing', async () => {
  const sid = await session();
  const q = await asked(askMsg(sid));
  await endSession(sid);
  const again = await handleAsk(deps, askMsg(sid));
  assert.equal(again?.id, q.id);
  assert.equal(await count('SELECT 1 FROM interactions WHERE session_id = $1', sid), 1);
  assert.deepEqual((await out(sid)).map((e) => e.type), ['question', 'session_ended']);
});

test('an answer handled after the end is still graded, but gets no follow-up', async () => {
  followUp = 'Be more specific: which line dominates the cost?';
  try {
    const sid = await session();
    const q = await asked(askMsg(sid));
    await tr.redis.hset(tr.keys.state(sid), 'pending', q.id, 'pendingSince', Date.now());
    const m = answerMsg(sid, q.id, 'not sure');
    await endSession(sid); // the answer was accepted before the end; the agent gets to it after
    await handleAnswer(deps, m);
    await handleAnswer(deps, m);
    assert.equal((await db.pool.query<{ score: number }>('SELECT score FROM interactions WHERE id = $1', [q.id])).rows[0].score, 30);
    assert.equal(await count('SELECT 1 FROM interactions WHERE session_id = $1 AND parent_id IS NOT NULL', sid), 0, 'no follow-up');
    assert.equal(await tr.redis.hget(tr.keys.state(sid), 'pending'), q.id, 'the pending slot was not claimed');
    assert.deepEqual((await out(sid)).map((e) => e.type), ['question', 'session_ended', 'answer_received', 'evaluation']);
  } finally {
    followUp = undefined;
  }
});

test('everything an answer shows is on the out stream before its evaluation is stored', async () => {
  followUp = 'Be more specific: which line dominates the cost?';
  try {
    const sid = await session();
    const q = await asked(askMsg(sid));
    await tr.redis.hset(tr.keys.state(sid), 'pending', q.id, 'pendingSince', Date.now());
    // The reporter archives the out stream as soon as no stored answer lacks its evaluation: record
    // what the out stream holds at the moment the evaluation is written.
    let atStore: string[] | null = null;
    const spy: Queryable = {
      query: (async (text: string, params?: unknown[]) => {
        if (/^\s*UPDATE interactions SET evaluation/.test(text)) atStore = (await out(sid)).map((e) => e.type);
        return db.pool.query(text, params);
      }) as unknown as Queryable['query'],
    };
    await handleAnswer({ ...deps, db: spy }, answerMsg(sid, q.id, 'not sure'));
    assert.deepEqual(atStore, ['question', 'answer_received', 'evaluation', 'question'], 'answer_received, the evaluation and the follow-up came first');
    assert.equal((await db.pool.query<{ score: number }>('SELECT score FROM interactions WHERE id = $1', [q.id])).rows[0].score, 30);
  } finally {
    followUp = undefined;
  }
});

function recordingRetriever(remembered: Interaction[]): Retriever {
  return {
    collections: { kb: 'kb', mem: 'mem' },
    async ensureCollections() {},
    async loadKnowledgeBase() {
      return { upserted: 0, deleted: 0, total: 0, skipped: true };
    },
    async searchKnowledge() {
      return [];
    },
    async rememberInteraction(_sessionId: string, interaction: Interaction) {
      remembered.push(interaction);
    },
    async searchSession() {
      return [];
    },
    async forgetSession() {},
    async dropCollections() {},
  };
}

const turns = async (sid: string): Promise<Turn[]> => (await tr.redis.lrange(tr.keys.chat(sid), 1, -1)).map((r) => JSON.parse(r) as Turn);

test('a redelivered question or answer does not duplicate chat turns; a redelivery restores what a crash skipped', async () => {
  const remembered: Interaction[] = [];
  const d: AgentDeps = { ...deps, retriever: recordingRetriever(remembered) };
  const sid = await session();
  const a = askMsg(sid);
  const q = await handleAsk(d, a);
  assert.ok(q);
  await Promise.all([handleAsk(d, a), handleAsk(d, a)]);
  const m = answerMsg(sid, q.id, 'It is O(n): one pass over xs.');
  await handleAnswer(d, m);
  await Promise.all([handleAnswer(d, m), handleAnswer(d, m)]);
  assert.deepEqual((await turns(sid)).map((t) => [t.role, t.questionId]), [['interviewer', q.id], ['candidate', q.id], ['grader', q.id]]);

  // A crash after the grade was stored, before the grader turn and the Chroma write (as an earlier
  // version could leave it): the redelivery writes them, once, from the stored grade.
  await tr.redis.rpop(tr.keys.chat(sid));
  remembered.length = 0;
  const graded = calls.evaluate;
  await handleAnswer(d, m);
  await handleAnswer(d, m);
  assert.equal(calls.evaluate, graded, 'the stored grade is reused');
  assert.deepEqual((await turns(sid)).map((t) => [t.role, t.questionId, t.score]), [['interviewer', q.id, undefined], ['candidate', q.id, undefined], ['grader', q.id, 90]]);
  assert.ok(remembered.length >= 1 && remembered.every((r) => r.id === q.id && r.answer === 'It is O(n): one pass over xs.' && r.score === 90), JSON.stringify(remembered));
  // A redelivered question request once the question is answered leaves the answered memory alone.
  remembered.length = 0;
  await handleAsk(d, a);
  assert.deepEqual(remembered, []);
  assert.equal((await turns(sid)).length, 3);
  assert.equal((await out(sid)).filter((e) => e.type === 'evaluation').length, 1);
});

test('a redelivery of a turn already folded into the summary does not add it again', async () => {
  const sid = await session();
  const first = { ask: askMsg(sid, 1), answer: null as StreamMessage<InEntry> | null };
  for (let i = 1; i <= 6; i++) {
    const q = await asked(i === 1 ? first.ask : askMsg(sid, i));
    const m = answerMsg(sid, q.id, `Answer ${i}: O(n).`);
    if (i === 1) first.answer = m;
    await handleAnswer(deps, m);
  }
  const before = await tr.redis.lrange(tr.keys.chat(sid), 0, -1);
  assert.equal(before.length, 1 + 4);
  assert.ok(first.answer);
  await handleAsk(deps, first.ask);
  await handleAnswer(deps, first.answer);
  assert.deepEqual(await tr.redis.lrange(tr.keys.chat(sid), 0, -1), before);
});

test('a follow-up reply is graded as the candidate\'s whole account (both answers) when that reads better', async () => {
  const code = 'function fib(n: number): number {\n  if (n < 2) return n;\n  return fib(n - 1) + fib(n - 2);\n}\n';
  const sid = randomUUID();
  await db.pool.query(`INSERT INTO sessions (id, candidate, problem, expires_at) VALUES ($1, '{"name":"A"}', '{"title":"t","language":"typescript"}', now() + interval '1 hour')`, [sid]);
  await db.pool.query(`INSERT INTO code_snapshots (session_id, seq, code, language, bytes, lines, client_ts, stream_id, received_at) VALUES ($1, 1, $2, 'typescript', 10, 4, 0, '1-0', now())`, [sid, code]);
  const heuristic = createHeuristicProvider();
  const real: AgentDeps = { ...deps, brain: direct(heuristic) };
  const m = askMsg(sid);
  m.body = { ...m.body, language: 'typescript', code, reasonCode: 'recursion_added', context: { function: 'fib', lines: [1, 4], topic: 'recursion' } };
  const q = await handleAsk(real, m);
  assert.ok(q);
  await tr.redis.hset(tr.keys.state(sid), 'pending', q.id, 'pendingSince', Date.now());
  await handleAnswer(real, answerMsg(sid, q.id, 'The base case is n < 2, where it returns n. For n = 30 the recursion goes about 30 calls deep.'));
  const [fu] = (await db.pool.query<InteractionRow>('SELECT * FROM interactions WHERE parent_id = $1', [q.id])).rows;
  assert.ok(fu, 'the partial answer (no number of calls) got a follow-up');
  const reply = 'Each call makes two more calls, so the count grows exponentially, roughly 2^n: for n = 30 that is over a million calls, most of them repeats.';
  await handleAnswer(real, answerMsg(sid, fu.id, reply));
  const graded = (await selectScore(db.pool, sid, fu.id)) ?? -1;
  const alone = await heuristic.evaluate({ question: fu.question, topic: fu.topic, expected: (fu.context.expected ?? {}) as Record<string, unknown>, answer: reply, code, language: 'typescript', retrieved: [] });
  assert.ok(graded > alone.score, `whole account ${graded} above the reply alone ${alone.score}`);
  assert.ok(graded >= 60, `a complete account across two answers is graded as complete (${graded})`);
});

async function selectScore(q: Queryable, sessionId: string, id: string): Promise<number | null> {
  const { rows } = await q.query<{ score: number | null }>('SELECT score FROM interactions WHERE session_id = $1 AND id = $2', [sessionId, id]);
  return rows[0]?.score ?? null;
}
