import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { StreamMessage } from '../shared/consumer.ts';
import { askRequestId, questionIdFor } from '../shared/ids.ts';
import type { AskEntry, InEntry } from '../shared/streams.ts';
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
