import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { Consumer } from '../shared/consumer.ts';
import { GROUPS } from '../shared/groups.ts';
import { askRequestId, questionIdFor } from '../shared/ids.ts';
import { encodeAsk, fieldsToRecord, OutEntry } from '../shared/streams.ts';
import { direct } from '../services/agent/brain.ts';
import { createAgentConsumers } from '../services/agent/consumers.ts';
import type { AgentDeps } from '../services/agent/context.ts';
import type { Provider, QuestionInput } from '../services/agent/provider.ts';
import { freshDatabase, testConfig, testLogger, testRedis, waitFor, type TestDb, type TestRedis } from './helpers/env.ts';

// The agent's ask consumer as services/agent/main.ts builds it, with a provider that takes
// "forever" for one session: another session's question is still asked at once on the same
// replica, and a second replica never takes the slow request over (its claim is kept), however many
// claim cycles it runs with a 300 ms claim limit.

let db: TestDb;
let tr: TestRedis;
let deps: AgentDeps;
const consumers: Consumer[] = [];
let releaseSlow!: () => void;
const slow = new Promise<void>((r) => (releaseSlow = r));
const questionCalls = new Map<string, number>();
let slowSession = '';

const provider: Provider = {
  name: 'fake', model: 'fake-1',
  async question(input: QuestionInput) {
    questionCalls.set(input.sessionId, (questionCalls.get(input.sessionId) ?? 0) + 1);
    if (input.sessionId === slowSession) await slow; // a model call with retries that outlasts everything
    return { text: `What does f return for ${input.sessionId.slice(0, 4)}?`, topic: 'purpose', lines: [1, 2], expected: {} };
  },
  async evaluate() {
    throw new Error('not used here');
  },
};

before(async () => {
  db = await freshDatabase();
  tr = testRedis();
  deps = { redis: tr.redis, keys: tr.keys, db: db.pool, log: testLogger(), brain: direct(provider), retriever: null, memory: { redis: tr.redis, keys: tr.keys } };
});
after(async () => {
  releaseSlow();
  for (const c of consumers) await c.stop();
  await tr.cleanup();
  await db.drop();
});

function replica(name: string): Consumer {
  const config = testConfig({
    REDIS_PREFIX: tr.prefix, DATABASE_URL: db.url, CONSUMER_NAME: name,
    CONSUMER_BLOCK_MS: '50', CONSUMER_CLAIM_IDLE_MS: '300', CONSUMER_CLAIM_EVERY_MS: '50',
  });
  const { asks } = createAgentConsumers(config, deps);
  consumers.push(asks);
  return asks;
}

async function session(): Promise<string> {
  const id = randomUUID();
  await db.pool.query(`INSERT INTO sessions (id, candidate, problem, expires_at) VALUES ($1, '{"name":"A"}', '{"title":"t","language":"python"}', now() + interval '1 hour')`, [id]);
  return id;
}

async function ask(sessionId: string): Promise<string> {
  const requestId = askRequestId(sessionId, 1);
  return (await tr.redis.xadd(tr.keys.ask, '*', ...encodeAsk({
    sessionId, requestId, seq: 1, reasonCode: 'function_completed', reason: 'f looks finished.', at: Date.now(),
    questionId: questionIdFor(requestId), language: 'python', code: 'def f(xs):\n  return sum(xs)\n', context: { function: 'f', lines: [1, 2] },
  })))!;
}

async function questions(sessionId: string): Promise<number> {
  return (await tr.redis.xrange(tr.keys.out(sessionId), '-', '+')).map(([, f]) => OutEntry.parse(fieldsToRecord(f))).filter((e) => e.type === 'question').length;
}
const when = (ok: boolean) => (ok ? true : undefined);

test('a model call that takes forever for one session delays no other session\'s question, and is never taken over', async () => {
  slowSession = await session();
  const quick = await session();
  const first = replica('r1');
  await first.start();
  const slowId = await ask(slowSession);
  await waitFor('the slow model call started', () => when(questionCalls.get(slowSession) === 1));
  await ask(quick);
  await waitFor('the other session got its question', async () => when((await questions(quick)) === 1));
  assert.equal(await questions(slowSession), 0, 'the slow call has not returned');

  const second = replica('r2');
  await second.start();
  const cycles = second.stats.claimCycles;
  await waitFor('the second replica ran 40 claim cycles', () => when(second.stats.claimCycles >= cycles + 40));
  assert.equal(second.stats.claimed, 0, 'nothing was taken over');
  const [row] = (await tr.redis.xpending(tr.keys.ask, GROUPS.ask.agent, '-', '+', 10)) as [string, string, number, number][];
  assert.deepEqual([row[0], row[3]], [slowId, 1], 'still pending on the first replica, delivered once');
  assert.equal(questionCalls.get(slowSession), 1);

  releaseSlow();
  await waitFor('the slow session got its question', async () => when((await questions(slowSession)) === 1));
  await waitFor('both requests acknowledged', async () => when(Number(((await tr.redis.xpending(tr.keys.ask, GROUPS.ask.agent)) as unknown[])[0]) === 0));
  assert.equal(questionCalls.get(slowSession), 1, 'one model call');
  assert.equal(questionCalls.get(quick), 1);
});
