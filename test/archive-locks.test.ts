import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createPool, type Pool } from '../shared/db/pool.ts';
import { persistPlan, planBatch } from '../services/snapshotter/persist.ts';
import { TipCache } from '../services/snapshotter/tips.ts';
import { codeUpdate, entry, insertSession } from './helpers/snapshots.ts';
import { freshDatabase, type TestDb } from './helpers/env.ts';
import { verifyChain } from '../scripts/replay/chain.ts';
import { loadSession } from '../scripts/replay/load.ts';

// Replicas of the snapshotter archive batches that touch the same sessions at once, each batch in
// its own order. The archive serialises a session's chain with a lock on its row; those locks must
// be taken in one order by every writer (and must not conflict with the key-share locks that the
// batch's own snapshot inserts hold), or Postgres answers "deadlock detected" on a busy minute.

let db: TestDb;
const replicas: Pool[] = [];
before(async () => {
  db = await freshDatabase();
  for (let i = 0; i < 3; i++) replicas.push(createPool(db.url, 2, `replica-${i}`));
});
after(async () => {
  await Promise.all(replicas.map((p) => p.end()));
  await db.drop();
});

test('three replicas archiving the same sessions in opposite orders never deadlock and keep every chain intact', { timeout: 120_000 }, async () => {
  const sessions: string[] = [];
  for (let i = 0; i < 8; i++) sessions.push(await insertSession(db.pool));
  const rounds = 40;
  let seq = 0;
  const failures: string[] = [];
  for (let round = 0; round < rounds; round++) {
    await Promise.all(replicas.map(async (pool, r) => {
      // Each replica's batch holds an update of every session, in an order of its own.
      const order = r % 2 === 0 ? [...sessions] : [...sessions].reverse();
      const rotated = order.slice(r).concat(order.slice(0, r));
      const msgs = rotated.map((sid) => entry(sid, codeUpdate(++seq, `print(${seq})\n`)));
      try {
        await persistPlan(pool, planBatch(msgs), new TipCache());
      } catch (err) {
        failures.push(err instanceof Error ? err.message : String(err));
      }
    }));
  }
  assert.deepEqual(failures, [], `every batch commits (${failures.length} failed: ${failures[0] ?? ''})`);
  const { rows } = await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM session_events');
  assert.equal(rows[0].n, rounds * replicas.length * sessions.length);
  for (const sid of sessions) assert.deepEqual(verifyChain((await loadSession(db.pool, sid))!.events), [], `the chain of ${sid} is intact`);
});
