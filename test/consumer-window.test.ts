import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Redis } from 'ioredis';
import { createConsumer, type Consumer, type ConsumerOptions, type StreamMessage } from '../shared/consumer.ts';
import type { Fields } from '../shared/streams.ts';
import { REDIS_URL, randomId, testLogger, testRedis, waitFor, type TestRedis } from './helpers/env.ts';

// The consumer runtime's sliding window (shared/consumer.ts, consumer-window.ts) against real Redis:
// a slow session holds back only itself, per-session order holds with many sessions at once, acks
// go out in batches and only after their handler, and handleSession gets a session's queued entries
// together. Every test has its own stream under one random prefix.

interface Body { session: string; n: number; kind: string }
const decode = (f: Fields): Body => ({ session: f.session ?? '', n: Number(f.n ?? 0), kind: f.kind ?? 'ok' });

let tr: TestRedis;
const started: Consumer[] = [];
before(() => {
  tr = testRedis();
});
after(async () => {
  for (const c of started) await c.stop();
  await tr.cleanup();
});

function names() {
  const id = randomId(4);
  return { stream: `${tr.prefix}:s:${id}`, dlq: `${tr.prefix}:dlq:${id}`, group: 'g' };
}

type Opts = Partial<ConsumerOptions<Body>> & Pick<ConsumerOptions<Body>, 'stream' | 'dlq' | 'group'>;
function consumer(opts: Opts): Consumer {
  const c = createConsumer<Body>({
    redis: tr.redis, log: testLogger(), decode, blockMs: 200, consumer: `c-${randomId(3)}`,
    sessionOf: (b) => b.session, claimIdleMs: 3_600_000, ...opts,
  });
  started.push(c);
  return c;
}

const add = async (stream: string, session: string, n: number, kind = 'ok') => (await tr.redis.xadd(stream, '*', 'session', session, 'n', String(n), 'kind', kind))!;
async function pendingIds(stream: string, group: string): Promise<string[]> {
  return ((await tr.redis.xpending(stream, group, '-', '+', 1000)) as [string][]).map(([id]) => id);
}
const when = (ok: boolean) => (ok ? true : undefined);

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { open, opened };
}

test('a session whose handler never returns holds back no other session on the same consumer', async () => {
  const { stream, dlq, group } = names();
  const slow = gate();
  const started: string[] = [];
  const done: string[] = [];
  const c = consumer({
    stream, dlq, group, concurrency: 4,
    async handle(m) {
      started.push(m.id);
      if (m.body.session === 'slow') await slow.opened; // a model call that takes "forever"
      done.push(m.id);
    },
  });
  await c.start();
  const a1 = await add(stream, 'slow', 1);
  await waitFor('the slow handler entered', () => when(started.includes(a1)));
  const a2 = await add(stream, 'slow', 2);
  const b1 = await add(stream, 'quick', 1);
  await waitFor('the other session handled', () => when(done.includes(b1)));
  const b2 = await add(stream, 'quick', 2);
  const c1 = await add(stream, 'other', 1);
  await waitFor('later entries of other sessions handled too', () => when(done.includes(b2) && done.includes(c1)));
  await waitFor('their acks', async () => when(!(await pendingIds(stream, group)).some((id) => [b1, b2, c1].includes(id))));
  // The slow session's second entry waits behind its first: never started, still pending.
  assert.ok(!started.includes(a2), 'a2 must not start while a1 runs');
  assert.deepEqual(await pendingIds(stream, group), [a1, a2]);
  slow.open();
  await waitFor('the slow session finished in order', () => when(done.includes(a2)));
  assert.deepEqual(done.filter((id) => id === a1 || id === a2), [a1, a2]);
  await waitFor('all acked', async () => when((await pendingIds(stream, group)).length === 0));
  await c.stop();
});

test('per-session order holds under the window with many sessions, with real concurrency', async () => {
  const { stream, dlq, group } = names();
  const sessions = 40;
  const per = 15;
  const expected = new Map<string, string[]>();
  for (let i = 0; i < per; i++) {
    for (let s = 0; s < sessions; s++) {
      const id = await add(stream, `s${s}`, i);
      expected.set(`s${s}`, [...(expected.get(`s${s}`) ?? []), id]);
    }
  }
  const seen = new Map<string, string[]>();
  const running = new Set<string>();
  let maxRunning = 0;
  let overlap = 0;
  const c = consumer({
    stream, dlq, group, concurrency: 8, batchSize: 25, window: 30,
    async handle(m) {
      if (running.has(m.body.session)) overlap++;
      running.add(m.body.session);
      maxRunning = Math.max(maxRunning, running.size);
      // Uneven handler times so that sessions overtake each other.
      await new Promise((r) => setTimeout(r, (m.body.n * 7 + Number(m.body.session.slice(1))) % 4));
      running.delete(m.body.session);
      seen.set(m.body.session, [...(seen.get(m.body.session) ?? []), m.id]);
    },
  });
  await c.start();
  await waitFor('every entry handled', () => when(c.stats.handled === sessions * per), 60_000);
  assert.equal(overlap, 0, 'two entries of one session never run at once');
  assert.ok(maxRunning > 1 && maxRunning <= 8, `sessions ran concurrently within the limit (max ${maxRunning})`);
  assert.deepEqual(seen, expected);
  await waitFor('all acked', async () => when((await pendingIds(stream, group)).length === 0));
  await c.stop();
});

test('acks are batched, and no entry is acknowledged before its handler finished', async () => {
  const { stream, dlq, group } = names();
  // A client of its own whose XACK is watched: every id it acknowledges must be finished already.
  const redis = new Redis(REDIS_URL);
  const finished = new Set<string>();
  const early: string[] = [];
  let xackCalls = 0;
  const xack = redis.xack.bind(redis) as (...args: string[]) => Promise<number>;
  (redis as unknown as { xack: (...args: string[]) => Promise<number> }).xack = (...args: string[]) => {
    xackCalls++;
    for (const id of args.slice(2)) if (!finished.has(id)) early.push(id);
    return xack(...args);
  };
  const total = 200;
  for (let i = 0; i < total; i++) await add(stream, `s${i % 20}`, i);
  const c = consumer({
    redis, stream, dlq, group, concurrency: 8,
    async handle(m) {
      // Still pending while the handler runs: the ack follows the effect.
      if (!(await pendingIds(stream, group)).includes(m.id)) early.push(m.id);
      finished.add(m.id);
    },
  });
  try {
    await c.start();
    await waitFor('all handled', () => when(c.stats.handled === total));
    await waitFor('all acked', async () => when((await pendingIds(stream, group)).length === 0));
    assert.deepEqual(early, []);
    assert.ok(xackCalls < total / 4, `${total} entries took ${xackCalls} XACK calls`);
    assert.equal(c.stats.acked, total);
    await c.stop();
  } finally {
    redis.disconnect();
  }
});

test('handleSession gets every queued entry of one session together, never while that session runs', async () => {
  const { stream, dlq, group } = names();
  const a = [await add(stream, 'A', 1), await add(stream, 'A', 2), await add(stream, 'A', 3)];
  const b = [await add(stream, 'B', 1), await add(stream, 'B', 2)];
  const first = gate();
  const calls: { session: string; ids: string[] }[] = [];
  const inFlight = new Set<string>();
  let overlap = 0;
  let entered = false;
  const c = consumer({
    stream, dlq, group, concurrency: 4,
    async handleSession(msgs: StreamMessage<Body>[]) {
      const session = msgs[0].body.session;
      if (inFlight.has(session)) overlap++;
      inFlight.add(session);
      calls.push({ session, ids: msgs.map((m) => m.id) });
      assert.ok(msgs.every((m) => m.body.session === session), 'one session per call');
      if (session === 'A' && !entered) {
        entered = true;
        await first.opened;
      }
      inFlight.delete(session);
    },
  });
  await c.start();
  await waitFor('both sessions called', () => when(calls.length === 2));
  assert.deepEqual(calls.find((x) => x.session === 'A')!.ids, a);
  assert.deepEqual(calls.find((x) => x.session === 'B')!.ids, b);
  // Three more of A arrive while A's first call runs: they queue and come in one call after it.
  const later = [await add(stream, 'A', 4), await add(stream, 'A', 5), await add(stream, 'A', 6)];
  await waitFor('A\'s later entries read', async () => when((await pendingIds(stream, group)).includes(later[2])));
  first.open();
  await waitFor('second call for A', () => when(calls.length === 3));
  assert.deepEqual(calls[2], { session: 'A', ids: later });
  assert.equal(overlap, 0);
  await waitFor('all acked', async () => when((await pendingIds(stream, group)).length === 0));
  assert.equal(c.stats.handled, 8);
  await c.stop();
});

test('handleSession: a failing group is retried one by one; only the poison entry ends in the dlq', async () => {
  const { stream, dlq, group } = names();
  const ids = [await add(stream, 'A', 1), await add(stream, 'A', 2, 'poison'), await add(stream, 'A', 3)];
  const sizes: number[] = [];
  const committed: string[] = [];
  const c = consumer({
    stream, dlq, group, maxDeliveries: 2, claimIdleMs: 200, claimEveryMs: 50,
    async handleSession(msgs) {
      sizes.push(msgs.length);
      if (msgs.some((m) => m.body.kind === 'poison')) throw new Error('poison in group');
      committed.push(...msgs.map((m) => m.id));
    },
  });
  await c.start();
  await waitFor('poison dead-lettered', async () => when((await tr.redis.xlen(dlq)) === 1));
  await waitFor('nothing pending', async () => when((await pendingIds(stream, group)).length === 0));
  assert.equal(sizes[0], 3);
  assert.deepEqual(committed, [ids[0], ids[2]]);
  await c.stop();
});

test('memory is bounded: behind a stuck session the consumer holds at most `window` entries, the rest wait in Redis', async () => {
  const { stream, dlq, group } = names();
  const stuck = gate();
  const order: number[] = [];
  const c = consumer({
    stream, dlq, group, concurrency: 4, batchSize: 4, window: 10,
    async handle(m) {
      if (m.body.n === 0) await stuck.opened;
      order.push(m.body.n);
    },
  });
  await c.start();
  for (let i = 0; i < 50; i++) await add(stream, 'slow', i);
  await waitFor('the window is full', async () => when((await pendingIds(stream, group)).length === 10));
  const reads = c.stats.reads;
  await c.idle();
  await c.idle(); // more cycles: still nothing read beyond the cap
  assert.equal(c.stats.reads, reads, 'no read while the window is full');
  assert.equal((await pendingIds(stream, group)).length, 10);
  assert.deepEqual(order, []);
  stuck.open();
  await waitFor('all handled', () => when(order.length === 50));
  assert.deepEqual(order, Array.from({ length: 50 }, (_, i) => i));
  await waitFor('all acked', async () => when((await pendingIds(stream, group)).length === 0));
  await c.stop();
});
