import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { unacknowledged } from '../shared/progress.ts';
import { randomId, testRedis, type TestRedis } from './helpers/env.ts';

// shared/progress.ts: what a group has not acknowledged yet on a stream, counted for one session,
// with a bound on how much of a shared stream is read.

let tr: TestRedis;
before(() => (tr = testRedis()));
after(() => tr.cleanup());

const of = (session: string) => (f: Record<string, string>) => f.session === session;

test('pending and undelivered entries of one session; acknowledged ones and other sessions do not count', async () => {
  const stream = `${tr.prefix}:s:${randomId(4)}`;
  assert.deepEqual(await unacknowledged(tr.redis, stream, 'g', of('a')), { pending: 0, undelivered: 0, complete: true }, 'no stream yet');
  const ids: string[] = [];
  for (const s of ['a', 'b', 'a', 'a', 'b']) ids.push((await tr.redis.xadd(stream, '*', 'session', s))!);
  assert.deepEqual(await unacknowledged(tr.redis, stream, 'g', of('a')), { pending: 0, undelivered: 3, complete: true }, 'no group yet: nothing delivered');
  await tr.redis.xgroup('CREATE', stream, 'g', '0');
  await tr.redis.xreadgroup('GROUP', 'g', 'c', 'COUNT', 3, 'STREAMS', stream, '>');
  // Acknowledged out of order, as a sliding window does: the first `a` is done, the second is not.
  await tr.redis.xack(stream, 'g', ids[0]);
  assert.deepEqual(await unacknowledged(tr.redis, stream, 'g', of('a')), { pending: 1, undelivered: 1, complete: true });
  assert.deepEqual(await unacknowledged(tr.redis, stream, 'g', of('b')), { pending: 1, undelivered: 1, complete: true });
  await tr.redis.xreadgroup('GROUP', 'g', 'c', 'COUNT', 10, 'STREAMS', stream, '>');
  await tr.redis.xack(stream, 'g', ...ids.slice(1));
  assert.deepEqual(await unacknowledged(tr.redis, stream, 'g', of('a')), { pending: 0, undelivered: 0, complete: true });
});

test('beyond the limit the answer says it is incomplete instead of guessing', async () => {
  const stream = `${tr.prefix}:s:${randomId(4)}`;
  await tr.redis.xgroup('CREATE', stream, 'g', '0', 'MKSTREAM');
  for (let i = 0; i < 12; i++) await tr.redis.xadd(stream, '*', 'session', 'b');
  await tr.redis.xadd(stream, '*', 'session', 'a'); // the 13th: past a limit of 10
  assert.deepEqual(await unacknowledged(tr.redis, stream, 'g', of('a'), 10), { pending: 0, undelivered: 0, complete: false });
  await tr.redis.xreadgroup('GROUP', 'g', 'c', 'COUNT', 12, 'STREAMS', stream, '>');
  assert.deepEqual(await unacknowledged(tr.redis, stream, 'g', of('a'), 10), { pending: 0, undelivered: 1, complete: false }, 'twelve pending are more than ten');
});
