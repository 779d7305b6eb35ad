import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { StreamMessage } from '../shared/consumer.ts';
import { askRequestId, questionIdFor } from '../shared/ids.ts';
import { fieldsToRecord, OutEntry, type AskEntry, type InEntry } from '../shared/streams.ts';
import { handleAnswer } from '../services/agent/answer.ts';
import { handleAsk } from '../services/agent/ask.ts';
import { direct } from '../services/agent/brain.ts';
import type { AgentDeps } from '../services/agent/context.ts';
import { chatContext } from '../services/agent/memory.ts';
import type { EvaluationInput, Provider, QuestionInput } from '../services/agent/provider.ts';
import { freshDatabase, testLogger, testRedis, type TestDb, type TestRedis } from './helpers/env.ts';

// The agent's handlers on real Postgres and Redis with a counting provider: one question per
// request however often it is delivered, one model call per request (provenance reused), answers
// stored once and graded once, unknown questions answered with the protocol's error, and a
// follow-up only when no other question is pending.

let db: TestDb;
let tr: TestRedis;
let deps: AgentDeps;
const calls = { question: 0, evaluate: 0 };
let followUp: string | undefined;

const fake: Provider = {
  name: 'fake', model: 'fake-1',
  async question(input: QuestionInput) {
    calls.question++;
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
  const q = await handleAsk(deps, askMsg(sid));
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
  const q = await handleAsk(deps, askMsg(other));
  await handleAnswer(deps, answerMsg(sid, q.id, 'O(n)'));
  await handleAnswer(deps, answerMsg(sid, 'q_nope', 'O(n)'));
  const errors = (await out(sid)).filter((e) => e.type === 'error');
  assert.deepEqual(errors.map((e) => e.data.code), ['unknown_question', 'unknown_question']);
});

test('a partial answer gets one follow-up, only when no other question is pending', async () => {
  followUp = 'Be more specific: which line dominates the cost?';
  try {
    const sid = await session();
    const q = await handleAsk(deps, askMsg(sid));
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
    const q2 = await handleAsk(deps, askMsg(sid2));
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
    const q = await handleAsk(deps, askMsg(sid, i));
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
