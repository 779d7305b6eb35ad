import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { trimIn } from '../services/snapshotter/trim.ts';
import { testRedis, type TestRedis } from './helpers/env.ts';

// Trimming P:in must never drop an entry a group still holds pending or has not yet been given.

let tr: TestRedis;
before(() => (tr = testRedis()));
after(() => tr.cleanup());

const GROUPS = ['a', 'b'];

async function read(group: string, count: number): Promise<string[]> {
  const reply = (await tr.redis.call('XREADGROUP', 'GROUP', group, 'c1', 'COUNT', String(count), 'STREAMS', tr.keys.in, '>')) as [string, [string, string[]][]][] | null;
  return (reply?.[0]?.[1] ?? []).map(([id]) => id);
}

test('nothing is trimmed until every named group exists', async () => {
  for (let i = 0; i < 5; i++) await tr.redis.xadd(tr.keys.in, '*', 'n', String(i));
  await tr.redis.xgroup('CREATE', tr.keys.in, 'a', '0');
  assert.deepEqual(await trimIn(tr, GROUPS), { waitingFor: 'b' });
  assert.equal(await tr.redis.xlen(tr.keys.in), 5);
});

test('trims below the oldest entry any group still needs: pending or undelivered', async () => {
  await tr.redis.xgroup('CREATE', tr.keys.in, 'b', '0');
  const ids = (await tr.redis.xrange(tr.keys.in, '-', '+')).map(([id]) => id);
  // Group a: everything delivered and acked.
  const a = await read('a', 10);
  await tr.redis.xack(tr.keys.in, 'a', ...a);
  // Group b: the first three delivered, only the first acked; the second stays pending.
  const b = await read('b', 3);
  await tr.redis.xack(tr.keys.in, 'b', b[0], b[2]);
  const r = await trimIn(tr, GROUPS);
  assert.ok('trimmed' in r);
  assert.equal(r.floor, ids[1], 'the pending entry of group b is the floor');
  const left = (await tr.redis.xrange(tr.keys.in, '-', '+')).map(([id]) => id);
  assert.deepEqual(left, ids.slice(1));
  // b acks its pending entry: the floor moves to b's last delivered id; undelivered ones stay.
  await tr.redis.xack(tr.keys.in, 'b', b[1]);
  await trimIn(tr, GROUPS);
  const after = (await tr.redis.xrange(tr.keys.in, '-', '+')).map(([id]) => id);
  assert.deepEqual(after, ids.slice(2), 'entries b was never given are kept');
  assert.deepEqual(await read('b', 10), ids.slice(3), 'and b still gets them');
});
