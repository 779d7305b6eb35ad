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

/** A model call answering `text`, once `gate` (default: at once) resolves. */
const result = (text: string, gate: Promise<unknown> = Promise.resolve()) => async (): Promise<ResilientResult<{ text: string }>> => {
  await gate;
  return { output: { text }, provider: 'p', model: 'm', fallback: false, attempts: 1, promptText: text, raw: text, latencyMs: 0 };
};
const gate = () => {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { opened, open };
};
/** Resolves once the call's claim row exists: the first delivery is running the model. */
async function claimed(callKey: string): Promise<void> {
  for (;;) {
    const { rowCount } = await db.pool.query(`SELECT 1 FROM llm_calls WHERE call_key = $1 AND status = 'running'`, [callKey]);
    if (rowCount) return;
  }
}
const key = () => ({ key: `k-${randomUUID()}`, kind: 'question' as const, sessionId, interactionId: null });

test('concurrent deliveries of one call run the model once and share its output', async () => {
  const k = key();
  let runs = 0;
  const g = gate();
  const run = async () => {
    runs++;
    // The first delivery answers only once the others have had the chance to run the model too.
    setImmediate(g.open);
    return result('only', g.opened)();
  };
  const [a, b, c] = await Promise.all([recordedCall(db.pool, k, [], run), recordedCall(db.pool, k, [], run), recordedCall(db.pool, k, [], run)]);
  assert.equal(runs, 1);
  assert.deepEqual([a.output.text, b.output.text, c.output.text], ['only', 'only', 'only']);
  assert.deepEqual([a.reused, b.reused, c.reused].filter(Boolean).length, 2);
});

test('a stalled claim is taken over, and the late original does not overwrite the record', async () => {
  const k = key();
  const g = gate();
  const slow = recordedCall(db.pool, k, [], result('late', g.opened));
  await claimed(k.key);
  const fast = await recordedCall(db.pool, k, [], result('taken over'), { staleAfterMs: 150, pollMs: 20 });
  assert.equal(fast.output.text, 'taken over');
  g.open(); // the stalled original finishes only now, after the takeover
  const late = await slow;
  assert.equal(late.output.text, 'taken over', 'the late call returns the recorded output, not its own');
  const row = (await db.pool.query<{ parsed_output: { text: string }; status: string }>('SELECT parsed_output, status FROM llm_calls WHERE call_key = $1', [k.key])).rows[0];
  assert.deepEqual([row.status, row.parsed_output.text], ['done', 'taken over']);
});

test('a delivery that waits too long gives up, to be retried later', async () => {
  const k = key();
  const g = gate();
  const slow = recordedCall(db.pool, k, [], result('slow', g.opened));
  await claimed(k.key);
  await assert.rejects(recordedCall(db.pool, k, [], result('x'), { waitMs: 100, pollMs: 20 }), CallInProgress);
  g.open();
  await slow;
});

test('a failed call releases its claim so a retry can make it', async () => {
  const k = key();
  await assert.rejects(recordedCall(db.pool, k, [], async () => { throw new Error('model down'); }));
  const ok = await recordedCall(db.pool, k, [], result('second try'));
  assert.equal(ok.output.text, 'second try');
});
