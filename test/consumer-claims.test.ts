import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createConsumer, type Consumer, type ConsumerOptions } from '../shared/consumer.ts';
import type { Fields } from '../shared/streams.ts';
import { randomId, testLogger, testRedis, waitFor, type TestRedis } from './helpers/env.ts';

// Claims kept (shared/consumer-held.ts, claim-keep.lua) against real Redis: a consumer that is alive
// keeps every entry it holds however long its handler runs, while entries of a consumer that
// stopped running are still claimed by the others. The claim limit is short (300 ms) and the tests
// wait on the second consumer's claim cycles, not on the clock.

interface Body { session: string; kind: string }
const decode = (f: Fields): Body => ({ session: f.session ?? '', kind: f.kind ?? 'ok' });
const CLAIM_IDLE_MS = 300;

let tr: TestRedis;
const started: Consumer[] = [];
before(() => {
  tr = testRedis();
});
after(async () => {
  for (const c of started) await c.stop();
  await tr.cleanup();
});

type Opts = Partial<ConsumerOptions<Body>> & Pick<ConsumerOptions<Body>, 'stream' | 'dlq' | 'group' | 'consumer'>;
function consumer(opts: Opts): Consumer {
  const c = createConsumer<Body>({
    redis: tr.redis, log: testLogger(), decode, sessionOf: (b) => b.session,
    blockMs: 50, claimIdleMs: CLAIM_IDLE_MS, claimEveryMs: 50, ...opts,
  });
  started.push(c);
  return c;
}

const add = async (stream: string, session: string, kind = 'ok') => (await tr.redis.xadd(stream, '*', 'session', session, 'kind', kind))!;
async function pending(stream: string, group: string) {
  const rows = (await tr.redis.xpending(stream, group, '-', '+', 1000)) as [string, string, number, number][];
  return rows.map(([id, owner, , deliveries]) => ({ id, owner, deliveries }));
}
const when = (ok: boolean) => (ok ? true : undefined);

test('a handler running far past the claim limit keeps its entry: no other replica takes it, it is handled once', async () => {
  const id = randomId(4);
  const stream = `${tr.prefix}:s:${id}`;
  const dlq = `${tr.prefix}:dlq:${id}`;
  const group = 'g';
  await tr.redis.xgroup('CREATE', stream, group, '0', 'MKSTREAM');
  // A consumer that crashed holding an entry: delivered to it, never acknowledged, never kept.
  const orphan = await add(stream, 'crashed');
  await tr.redis.xreadgroup('GROUP', group, 'ghost', 'COUNT', 1, 'STREAMS', stream, '>');

  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const calls = new Map<string, string[]>();
  const handler = (who: string) => async (m: { id: string; body: Body }) => {
    calls.set(m.id, [...(calls.get(m.id) ?? []), who]);
    if (m.body.kind === 'long') await gate; // a model call that outlasts the claim limit many times
  };
  // a claims nothing itself (one claim cycle at start, before the orphan is idle long enough), so
  // the orphan is b's to take.
  const a = consumer({ stream, dlq, group, consumer: 'a', concurrency: 2, claimEveryMs: 3_600_000, handle: handler('a') });
  await a.start();
  const long = await add(stream, 'slow', 'long');
  const behind = await add(stream, 'slow'); // queued behind it on a, as long as it runs
  await waitFor('a runs the long handler', () => when(calls.has(long)));
  await waitFor('a holds the entry behind it too', async () => when((await pending(stream, group)).some((r) => r.id === behind && r.owner === 'a')));

  const b = consumer({ stream, dlq, group, consumer: 'b', concurrency: 4, handle: handler('b') });
  await b.start();
  await waitFor('b claimed the crashed consumer\'s entry', () => when(b.stats.claimed === 1 && calls.get(orphan)?.length === 1));
  // Claim cycles of b spanning many times the claim limit (each cycle is ≥ claimEveryMs = 50 ms).
  const cycles = b.stats.claimCycles;
  await waitFor('b ran 40 more claim cycles', () => when(b.stats.claimCycles >= cycles + 40));
  assert.ok(a.stats.kept >= 4, `a kept its claims (${a.stats.kept} resets)`);
  assert.equal(b.stats.claimed, 1, 'b claimed nothing of a\'s');
  assert.equal(a.stats.lost, 0);
  const rows = await pending(stream, group);
  assert.deepEqual(rows.filter((r) => r.id === long || r.id === behind), [
    { id: long, owner: 'a', deliveries: 1 }, // keeping the claim does not count as a delivery
    { id: behind, owner: 'a', deliveries: 1 },
  ]);
  assert.equal(calls.has(behind), false, 'the entry behind the long one waits for it');

  release();
  await waitFor('all acked', async () => when((await pending(stream, group)).length === 0));
  assert.deepEqual(calls.get(long), ['a']);
  assert.deepEqual(calls.get(behind), ['a']);
  assert.deepEqual(calls.get(orphan), ['b']);
});

test('stop() hands queued entries over at once: another replica claims them without waiting out the limit', async () => {
  const id = randomId(4);
  const stream = `${tr.prefix}:s:${id}`;
  const dlq = `${tr.prefix}:dlq:${id}`;
  const group = 'g';
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const seen: string[] = [];
  const a = consumer({
    stream, dlq, group, consumer: 'a2', claimIdleMs: 3_600_000,
    async handle(m) {
      if (m.body.kind === 'long') await gate;
      seen.push(`a:${m.id}`);
    },
  });
  await a.start();
  const long = await add(stream, 'x', 'long');
  const queued = await add(stream, 'x');
  await waitFor('a holds both', async () => when((await pending(stream, group)).length === 2));
  const stopping = a.stop();
  await waitFor('the queued entry handed over', async () => {
    const rows = (await tr.redis.call('XPENDING', stream, group, 'IDLE', '3600000', '-', '+', '10')) as unknown[][];
    return when(rows.some((r) => r[0] === queued));
  });
  release();
  await stopping;
  assert.deepEqual(seen, [`a:${long}`], 'a finished what it had started and nothing more');
  // The survivor's limit is an hour: it only gets the entry because a handed it over.
  const b = consumer({ stream, dlq, group, consumer: 'b2', claimIdleMs: 3_600_000, handle: async (m) => void seen.push(`b:${m.id}`) });
  await b.start();
  await waitFor('b handled the handed-over entry', () => when(seen.includes(`b:${queued}`)));
  await waitFor('all acked', async () => when((await pending(stream, group)).length === 0));
});

test('a claim another replica took over is not taken back; the loss is counted once', async () => {
  const id = randomId(4);
  const stream = `${tr.prefix}:s:${id}`;
  const dlq = `${tr.prefix}:dlq:${id}`;
  const group = 'g';
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const entered = new Set<string>();
  const a = consumer({
    stream, dlq, group, consumer: 'a3', concurrency: 2, claimEveryMs: 3_600_000,
    async handle(m) {
      entered.add(m.id);
      await gate;
    },
  });
  await a.start();
  const x = await add(stream, 'x');
  const y = await add(stream, 'y');
  await waitFor('both running on a', () => when(entered.has(x) && entered.has(y)));
  // As if a had stalled past the limit and another replica's XAUTOCLAIM took x.
  await tr.redis.xclaim(stream, group, 'other', 0, x, 'JUSTID');
  await waitFor('a noticed', () => when(a.stats.lost === 1));
  const kept = a.stats.kept;
  await waitFor('a kept y three more times', () => when(a.stats.kept >= kept + 3));
  assert.equal(a.stats.lost, 1, 'counted once');
  const owners = Object.fromEntries((await pending(stream, group)).map((r) => [r.id, r.owner]));
  assert.deepEqual(owners, { [x]: 'other', [y]: 'a3' });
  release();
  await waitFor('both acknowledged (at-least-once: a finished x too)', async () => when((await pending(stream, group)).length === 0));
});
