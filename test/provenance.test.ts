import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { recordedCall, CallInProgress } from '../services/agent/provenance.ts';
import type { ResilientResult } from '../services/agent/resilience.ts';
import { freshDatabase, type TestDb } from './helpers/env.ts';

// llm_calls as the single record of every model call: one call per key, a stalled claim taken over,
// and a taken-over call that finishes late never overwriting the output that counts.

let db: TestDb;
let sessionId: string;
before(async () => {
  db = await freshDatabase();
  sessionId = randomUUID();
  await db.pool.query(`INSERT INTO sessions (id, candidate, problem, expires_at) VALUES ($1, '{"name":"A"}', '{"title":"t","language":"go"}', now() + interval '1 hour')`, [sessionId]);
});
after(() => db.drop());

const result = (text: string, delayMs = 0) => async (): Promise<ResilientResult<{ text: string }>> => {
  await new Promise((r) => setTimeout(r, delayMs));
  return { output: { text }, provider: 'p', model: 'm', fallback: false, attempts: 1, promptText: text, raw: text, latencyMs: delayMs };
};
const key = () => ({ key: `k-${randomUUID()}`, kind: 'question' as const, sessionId, interactionId: null });

test('concurrent deliveries of one call run the model once and share its output', async () => {
  const k = key();
  let runs = 0;
  const run = async () => (runs++, result('only', 100)());
  const [a, b, c] = await Promise.all([recordedCall(db.pool, k, [], run), recordedCall(db.pool, k, [], run), recordedCall(db.pool, k, [], run)]);
  assert.equal(runs, 1);
  assert.deepEqual([a.output.text, b.output.text, c.output.text], ['only', 'only', 'only']);
  assert.deepEqual([a.reused, b.reused, c.reused].filter(Boolean).length, 2);
});

test('a stalled claim is taken over, and the late original does not overwrite the record', async () => {
  const k = key();
  const slow = recordedCall(db.pool, k, [], result('late', 600));
  await new Promise((r) => setTimeout(r, 50));
  const fast = await recordedCall(db.pool, k, [], result('taken over', 0), { staleAfterMs: 150, pollMs: 20 });
  assert.equal(fast.output.text, 'taken over');
  const late = await slow;
  assert.equal(late.output.text, 'taken over', 'the late call returns the recorded output, not its own');
  const row = (await db.pool.query<{ parsed_output: { text: string }; status: string }>('SELECT parsed_output, status FROM llm_calls WHERE call_key = $1', [k.key])).rows[0];
  assert.deepEqual([row.status, row.parsed_output.text], ['done', 'taken over']);
});

test('a delivery that waits too long gives up, to be retried later', async () => {
  const k = key();
  const slow = recordedCall(db.pool, k, [], result('slow', 400));
  await new Promise((r) => setTimeout(r, 50));
  await assert.rejects(recordedCall(db.pool, k, [], result('x'), { waitMs: 100, pollMs: 20 }), CallInProgress);
  await slow;
});

test('a failed call releases its claim so a retry can make it', async () => {
  const k = key();
  await assert.rejects(recordedCall(db.pool, k, [], async () => { throw new Error('model down'); }));
  const ok = await recordedCall(db.pool, k, [], result('second try'));
  assert.equal(ok.output.text, 'second try');
});
