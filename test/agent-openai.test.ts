import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { StreamMessage } from '../shared/consumer.ts';
import { askRequestId, questionIdFor } from '../shared/ids.ts';
import { fieldsToRecord, OutEntry, type AskEntry, type InEntry } from '../shared/streams.ts';
import { handleAnswer } from '../services/agent/answer.ts';
import { handleAsk } from '../services/agent/ask.ts';
import { createBrain } from '../services/agent/brain.ts';
import type { AgentDeps } from '../services/agent/context.ts';
import { freshDatabase, testConfig, testLogger, testRedis, type TestDb, type TestRedis } from './helpers/env.ts';
import { startOpenAIServer, type OpenAITestServer } from './helpers/openai-server.ts';

// The agent on its OpenAI path, as configured by env (LLM_PROVIDER=openai, OPENAI_BASE_URL), against
// a local OpenAI-compatible server: questions and grades come from the model and are recorded with
// their provenance; when the model fails, the heuristic answers and the interaction says so.

let db: TestDb;
let tr: TestRedis;
let server: OpenAITestServer;
let deps: AgentDeps;

before(async () => {
  db = await freshDatabase();
  tr = testRedis();
  server = await startOpenAIServer();
  const config = testConfig({ LLM_PROVIDER: 'openai', OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: server.url, LLM_MODEL: 'test-model', LLM_TIMEOUT_MS: '2000', LLM_RETRIES: '1' });
  deps = { redis: tr.redis, keys: tr.keys, db: db.pool, log: testLogger(), brain: createBrain(config), retriever: null, memory: { redis: tr.redis, keys: tr.keys } };
});
after(async () => {
  await server.close();
  await tr.cleanup();
  await db.drop();
});

const CODE = 'def two_sum(nums, target):\n    for i in range(len(nums)):\n        for j in range(i + 1, len(nums)):\n            if nums[i] + nums[j] == target:\n                return [i, j]\n    return []\n';

async function session(): Promise<string> {
  const id = randomUUID();
  await db.pool.query(`INSERT INTO sessions (id, candidate, problem, expires_at) VALUES ($1, '{"name":"A"}', '{"title":"t","language":"python"}', now() + interval '1 hour')`, [id]);
  await db.pool.query(`INSERT INTO code_snapshots (session_id, seq, code, language, bytes, lines, client_ts, stream_id, received_at) VALUES ($1, 1, $2, 'python', 10, 6, 0, '1-0', now())`, [id, CODE]);
  return id;
}

function ask(sessionId: string): StreamMessage<AskEntry> {
  const requestId = askRequestId(sessionId, 1);
  return {
    id: '1-0', stream: tr.keys.ask, fields: {},
    body: { sessionId, requestId, seq: 1, reasonCode: 'nested_loops', reason: 'two_sum now has nested loops over nums.', at: Date.now(), questionId: questionIdFor(requestId), language: 'python', code: CODE, context: { function: 'two_sum', lines: [1, 6], topic: 'time_complexity', facts: { complexity: 'O(n^2)', dominantLine: 3 } } },
  };
}

const answer = (sessionId: string, questionId: string, text: string): StreamMessage<InEntry> => ({
  id: `${Date.now()}-1`, stream: tr.keys.in, fields: {},
  body: { sessionId, role: 'candidate', type: 'response_submitted', at: Date.now(), frame: { type: 'response_submitted', id: 'a', questionId, answer: text, ts: 0 } },
});

test('questions and grades come from the model and are recorded with their provenance', async () => {
  const sid = await session();
  server.enqueue({ kind: 'structured', output: { text: 'What is the time complexity of two_sum, and which line dominates it?', topic: 'time_complexity', lines: [2, 3], expected: { complexity: 'O(n^2)' } } });
  const q = await handleAsk(deps, ask(sid));
  assert.ok(q, 'the question was asked');
  assert.equal(q.provider, 'openai');
  assert.equal(q.model, 'test-model');
  assert.equal(q.fallback, false);
  assert.equal(q.question, 'What is the time complexity of two_sum, and which line dominates it?');
  const sent = server.chats().at(-1);
  assert.ok(sent && JSON.stringify(sent).includes('two_sum'), 'the code reached the model');

  server.enqueue({ kind: 'structured', output: { score: 88, rubric: { correctness: 3, grounding: 2, abstraction: 3, completeness: 2 }, rationale: 'Right class, names the inner loop.', flags: [], missing: [] } });
  await handleAnswer(deps, answer(sid, q.id, 'O(n^2): the inner loop on line 3 runs for each i.'));
  const row = (await db.pool.query<{ score: number; evaluation: { provider: string; fallback: boolean } }>('SELECT score, evaluation FROM interactions WHERE id = $1', [q.id])).rows[0];
  assert.equal(row.score, 88);
  assert.equal(row.evaluation.provider, 'openai');
  const calls = (await db.pool.query<{ kind: string; provider: string; raw_output: string; prompt_hash: string; fallback: boolean; status: string }>(
    'SELECT kind, provider, raw_output, prompt_hash, fallback, status FROM llm_calls WHERE session_id = $1 ORDER BY id', [sid])).rows;
  assert.deepEqual(calls.map((c) => [c.kind, c.provider, c.fallback, c.status]), [['question', 'openai', false, 'done'], ['evaluation', 'openai', false, 'done']]);
  assert.ok(calls.every((c) => c.raw_output && /^[0-9a-f]{64}$/.test(c.prompt_hash)));
});

test('a failing model falls back to the heuristic, and the records say so', async () => {
  const sid = await session();
  server.enqueue({ kind: 'status', status: 500 }, { kind: 'status', status: 500 });
  const q = await handleAsk(deps, ask(sid));
  assert.ok(q, 'the question was asked');
  assert.equal(q.fallback, true);
  assert.equal(q.provider, 'heuristic');
  assert.match(q.question, /two_sum/, 'the heuristic still asks about the candidate’s code');
  const call = (await db.pool.query<{ provider: string; fallback: boolean; error: string; attempts: number }>('SELECT provider, fallback, error, attempts FROM llm_calls WHERE session_id = $1', [sid])).rows[0];
  assert.equal(call.provider, 'heuristic');
  assert.equal(call.fallback, true);
  assert.match(call.error, /500|unavailable/);
  assert.equal(call.attempts, 2, 'one retry before falling back');
});

async function outEvents(sessionId: string): Promise<{ type: string; role?: string; data: Record<string, unknown> }[]> {
  return (await tr.redis.xrange(tr.keys.out(sessionId), '-', '+')).map(([, f]) => OutEntry.parse(fieldsToRecord(f)) as { type: string; role?: string; data: Record<string, unknown> });
}

const PARTIAL = { score: 40, rubric: { correctness: 2, grounding: 1, abstraction: 1, completeness: 1 }, rationale: 'Right class, but no line named.', flags: [], missing: ['the dominating line'], followUp: 'Be more specific: which line of two_sum dominates the cost?' };

async function askedAndPending(sid: string): Promise<string> {
  server.enqueue({ kind: 'structured', output: { text: 'What is the time complexity of two_sum, and which line dominates it?', topic: 'time_complexity', lines: [2, 3], expected: { complexity: 'O(n^2)' } } });
  const q = await handleAsk(deps, ask(sid));
  assert.ok(q, 'the question was asked');
  await tr.redis.hset(tr.keys.state(sid), 'pending', q.id, 'pendingSince', Date.now());
  return q.id;
}

type CallRow = { kind: string; interaction_id: string; provider: string; model: string; prompt_hash: string; raw_output: string | null; parsed_output: { text: string }; error: string | null; latency_ms: number; fallback: boolean; status: string; retrieved_ids: string[] };

test('a partial answer: the follow-up is the model’s, recorded with its provenance, on the candidate’s out stream, once', async () => {
  const sid = await session();
  const qid = await askedAndPending(sid);
  const modelText = 'You said quadratic: which line of two_sum runs n²/2 times, and why that one?';
  server.enqueue({ kind: 'structured', output: PARTIAL }, { kind: 'structured', output: { text: modelText } });
  const msg = answer(sid, qid, 'quadratic, because of the loops');
  await handleAnswer(deps, msg);

  const fu = (await db.pool.query<{ id: string; question: string; provider: string; model: string; fallback: boolean; reason_code: string }>('SELECT * FROM interactions WHERE parent_id = $1', [qid])).rows;
  assert.equal(fu.length, 1);
  assert.deepEqual([fu[0].question, fu[0].provider, fu[0].model, fu[0].fallback, fu[0].reason_code], [modelText, 'openai', 'test-model', false, 'follow_up']);
  const shown = (await outEvents(sid)).filter((e) => e.type === 'question' && e.data.questionId === fu[0].id);
  assert.equal(shown.length, 1, 'the follow-up reached the out stream the candidate sockets read');
  assert.equal(shown[0].data.text, modelText);
  assert.equal(await tr.redis.hget(tr.keys.state(sid), 'pending'), fu[0].id, 'the follow-up is the pending question');

  const call = (await db.pool.query<CallRow>(`SELECT * FROM llm_calls WHERE call_key = $1`, [`${qid}:follow_up`])).rows[0];
  assert.equal(call.kind, 'follow_up');
  assert.equal(call.interaction_id, qid);
  assert.deepEqual([call.provider, call.model, call.fallback, call.status, call.error], ['openai', 'test-model', false, 'done', null]);
  assert.match(call.prompt_hash, /^[0-9a-f]{64}$/);
  assert.equal(JSON.parse(call.raw_output ?? '{}').text, modelText, 'the raw reply is kept');
  assert.deepEqual(call.parsed_output, { text: modelText });
  assert.ok(call.latency_ms >= 0);
  assert.deepEqual(call.retrieved_ids, []);

  // What the model was given: the question, the answer, its grade and the code, inside the data blocks.
  const body = server.chats().at(-1);
  assert.equal(body?.tools?.[0]?.function.name, 'ask_follow_up');
  const human = JSON.stringify(body?.messages?.find((m) => m.role === 'user')?.content ?? '');
  for (const part of ['<candidate_answer>\\nquadratic, because of the loops\\n</candidate_answer>', 'score: 40/100', 'the dominating line', 'Right class, but no line named.', '3 |         for j in range(i + 1, len(nums)):', 'which line dominates it?']) {
    assert.ok(human.includes(part), `the prompt holds ${part}`);
  }

  // A redelivery shows nothing twice and never calls the model again.
  const before = server.chats().length;
  await handleAnswer(deps, msg);
  assert.equal(server.chats().length, before);
  assert.equal((await outEvents(sid)).filter((e) => e.type === 'question' && e.data.questionId === fu[0].id).length, 1);
  assert.equal((await db.pool.query('SELECT 1 FROM llm_calls WHERE call_key = $1', [`${qid}:follow_up`])).rowCount, 1);
});

test('a failing server: the grader’s follow-up is asked instead, and the fallback is recorded', async () => {
  const sid = await session();
  const qid = await askedAndPending(sid);
  server.enqueue({ kind: 'structured', output: PARTIAL }, { kind: 'status', status: 503 }, { kind: 'status', status: 503 });
  await handleAnswer(deps, answer(sid, qid, 'quadratic'));
  const fu = (await db.pool.query<{ id: string; question: string; provider: string; fallback: boolean; context: { error?: string } }>('SELECT * FROM interactions WHERE parent_id = $1', [qid])).rows[0];
  assert.equal(fu.question, PARTIAL.followUp);
  assert.equal(fu.provider, 'heuristic');
  assert.equal(fu.fallback, true);
  assert.match(fu.context.error ?? '', /503/);
  const shown = (await outEvents(sid)).find((e) => e.type === 'question' && e.data.questionId === fu.id);
  assert.equal(shown?.data.text, PARTIAL.followUp);
  const call = (await db.pool.query<CallRow & { attempts: number }>(`SELECT * FROM llm_calls WHERE call_key = $1`, [`${qid}:follow_up`])).rows[0];
  assert.deepEqual([call.kind, call.provider, call.fallback, call.attempts], ['follow_up', 'heuristic', true, 2]);
  assert.match(call.error ?? '', /unavailable: HTTP 503/);
  assert.deepEqual(call.parsed_output, { text: PARTIAL.followUp });
});
