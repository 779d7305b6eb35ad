import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createConsumer, type Consumer, type ConsumerOptions, type StreamMessage } from '../shared/consumer.ts';
import { fieldsToRecord, type Fields } from '../shared/streams.ts';
import { REDIS_URL, randomId, testLogger, testRedis, waitFor, type TestRedis } from './helpers/env.ts';

// The consumer runtime against real Redis (DESIGN.md section 2): at-least-once delivery with XACK
// after the effect, pending-first restart, XAUTOCLAIM of a dead consumer's entries, dead-lettering,
// NOGROUP recovery and a clean stop. Every test uses its own stream under one random prefix.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'dying-consumer.ts');
const NEVER_CLAIM = 3_600_000;

interface Body { kind: string; n: number }
const decode = (f: Fields): Body => {
  if (f.bad) throw new Error(`bad entry ${f.bad}`);
  return { kind: f.kind ?? 'ok', n: Number(f.n ?? 0) };
};

let tr: TestRedis;
const started: Consumer[] = [];
before(() => {
  tr = testRedis();
});
after(async () => {
  for (const c of started) await c.stop(); // no-op for the ones a test already stopped
  await tr.cleanup();
});

function names() {
  const id = randomId(4);
  return { stream: `${tr.prefix}:s:${id}`, dlq: `${tr.prefix}:dlq:${id}`, group: 'g' };
}

type Opts = Partial<ConsumerOptions<Body>> & Pick<ConsumerOptions<Body>, 'stream' | 'dlq' | 'group'>;
function consumer(opts: Opts): Consumer {
  // A short BLOCK keeps claim cycles frequent; the loop checks for claims between reads.
  const c = createConsumer<Body>({ redis: tr.redis, log: testLogger(), decode, blockMs: 200, consumer: `c-${randomId(3)}`, ...opts });
  started.push(c);
  return c;
}

const add = async (stream: string, fields: Record<string, string>) => (await tr.redis.xadd(stream, '*', ...Object.entries(fields).flat()))!;

async function pendingRows(stream: string, group: string) {
  const rows = (await tr.redis.xpending(stream, group, '-', '+', 1000)) as [string, string, number, number][];
  return rows.map(([id, owner, , deliveries]) => ({ id, owner, deliveries }));
}
async function pendingCount(stream: string, group: string): Promise<number> {
  return Number(((await tr.redis.xpending(stream, group)) as unknown[])[0]);
}
async function dlqEntries(dlq: string): Promise<Fields[]> {
  return (await tr.redis.xrange(dlq, '-', '+')).map(([, flat]) => fieldsToRecord(flat));
}
const when = (ok: boolean) => (ok ? true : undefined);

test('delivers every entry once, in order, and acks only after the handler resolved', async () => {
  const { stream, dlq, group } = names();
  const seen: string[] = [];
  const pendingDuringHandler: boolean[] = [];
  const c = consumer({
    stream, dlq, group,
    async handle(msg) {
      // While the handler runs its entry must still be pending: the ack follows the effect.
      pendingDuringHandler.push((await pendingRows(stream, group)).some((r) => r.id === msg.id));
      seen.push(msg.id);
    },
  });
  await c.start();
  const ids: string[] = [];
  for (let i = 0; i < 30; i++) ids.push(await add(stream, { n: String(i) }));
  await waitFor('30 handled and acked', () => when(c.stats.handled === 30));
  await c.idle(); // one more full cycle: nothing is delivered a second time
  assert.deepEqual(seen, ids);
  assert.ok(pendingDuringHandler.every(Boolean), 'entry was pending while its handler ran');
  assert.equal(await pendingCount(stream, group), 0);
  await c.stop();
});

test('a handler that throws leaves its entry pending (not acked, not dead-lettered)', async () => {
  const { stream, dlq, group } = names();
  const c = consumer({
    stream, dlq, group, maxDeliveries: 100, claimIdleMs: NEVER_CLAIM,
    async handle(msg) {
      if (msg.body.kind === 'fail') throw new Error('transient');
    },
  });
  await c.start();
  await add(stream, { n: '1' });
  const failId = await add(stream, { kind: 'fail' });
  await add(stream, { n: '3' });
  await waitFor('two handled, one failed', () => when(c.stats.handled === 2 && c.stats.failed === 1));
  assert.deepEqual(await pendingRows(stream, group), [{ id: failId, owner: c.name, deliveries: 1 }]);
  assert.equal(await tr.redis.xlen(dlq), 0);
  await c.stop();
});

test('the group is created at 0 with MKSTREAM: entries written before the consumer are seen', async () => {
  const { stream, dlq, group } = names();
  const early = [await add(stream, { n: '1' }), await add(stream, { n: '2' })];
  const seen: string[] = [];
  const c = consumer({ stream, dlq, group, handle: async (m) => void seen.push(m.id) });
  await c.start();
  await waitFor('early entries', () => when(seen.length === 2));
  assert.deepEqual(seen, early);
  await c.stop();

  // A stream nobody has written yet: start() creates it (MKSTREAM) instead of failing.
  const fresh = names();
  const c2 = consumer({ ...fresh, handle: async () => undefined });
  await c2.start();
  assert.equal(await tr.redis.exists(fresh.stream), 1);
  const groups = (await tr.redis.xinfo('GROUPS', fresh.stream)) as unknown[][];
  assert.equal(String(groups[0][1]), fresh.group);
  await c2.stop();
});

test('an entry left pending by a consumer that died is claimed and handled once by a survivor', { timeout: 120_000 }, async () => {
  const { stream, dlq, group } = names();
  const okId = await add(stream, { kind: 'ok' });
  const dieId = await add(stream, { kind: 'die' });
  const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, REDIS_URL, stream, group, dlq, 'doomed'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  try {
    const [, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
    assert.equal(signal, 'SIGKILL', `child should kill itself mid-message; stderr: ${err}`);
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  assert.match(out, new RegExp(`handled ${okId}`));
  assert.deepEqual(await pendingRows(stream, group), [{ id: dieId, owner: 'doomed', deliveries: 1 }]);

  const handled: string[] = [];
  const survivor = consumer({ stream, dlq, group, consumer: 'survivor', claimIdleMs: 200, claimEveryMs: 100, handle: async (m) => void handled.push(m.id) });
  await survivor.start();
  await waitFor('survivor handled the orphan', () => when(survivor.stats.handled === 1));
  for (let i = 0; i < 3; i++) await survivor.idle(); // more claim cycles: no second delivery
  assert.deepEqual(handled, [dieId]);
  assert.equal(survivor.stats.claimed, 1);
  assert.equal(await pendingCount(stream, group), 0);
  await survivor.stop();
});

test('on restart a consumer re-reads its own pending entries first, without waiting for a claim', async () => {
  const { stream, dlq, group } = names();
  const first = consumer({
    stream, dlq, group, consumer: 'same', claimIdleMs: NEVER_CLAIM,
    handle: async () => { throw new Error('crash before commit'); },
  });
  await first.start();
  const x = await add(stream, { n: '1' });
  await waitFor('first failure', () => when(first.stats.failed === 1));
  await first.stop();
  assert.deepEqual(await pendingRows(stream, group), [{ id: x, owner: 'same', deliveries: 1 }]);

  const y = await add(stream, { n: '2' }); // new while nobody reads: must come after the pending one
  const order: string[] = [];
  const second = consumer({ stream, dlq, group, consumer: 'same', claimIdleMs: NEVER_CLAIM, handle: async (m) => void order.push(m.id) });
  await second.start();
  await waitFor('both handled', () => when(second.stats.handled === 2));
  assert.deepEqual(order, [x, y]);
  assert.equal(second.stats.claimed, 0, 'came from the pending re-read (id 0), not XAUTOCLAIM');
  assert.equal(await pendingCount(stream, group), 0);
  await second.stop();
});

test('after maxDeliveries failures the entry is copied to the dlq with its error and acked', async () => {
  const { stream, dlq, group } = names();
  let calls = 0;
  const c = consumer({
    stream, dlq, group, maxDeliveries: 3, claimIdleMs: 200, claimEveryMs: 100,
    handle: async (m) => { calls++; throw new Error(`boom ${m.body.n}`); },
  });
  await c.start();
  const id = await add(stream, { n: '7', kind: 'poison' });
  await waitFor('dead letter', async () => when((await tr.redis.xlen(dlq)) === 1));
  const [entry] = await dlqEntries(dlq);
  assert.equal(entry.stream, stream);
  assert.equal(entry.group, group);
  assert.equal(entry.id, id);
  assert.equal(entry.error, 'boom 7');
  assert.equal(entry.deliveries, '3');
  assert.deepEqual(JSON.parse(entry.fields), { n: '7', kind: 'poison' });
  assert.equal(calls, 3);
  assert.equal(c.stats.deadLettered, 1);
  assert.equal(await pendingCount(stream, group), 0);
  await c.stop();
});

test('a failure of a dependency (Postgres down) is retried past maxDeliveries and handled once it is back', async () => {
  const { stream, dlq, group } = names();
  let calls = 0;
  let handled = 0;
  const c = consumer({
    stream, dlq, group, maxDeliveries: 2, claimIdleMs: 50, claimEveryMs: 20,
    handle: async () => {
      calls++;
      // Down for five deliveries: more than maxDeliveries, as a 20-s outage would be.
      if (calls <= 5) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
      handled++;
    },
  });
  await c.start();
  await add(stream, { n: '1' });
  await waitFor('handled after the outage', () => when(handled === 1));
  assert.equal(calls, 6);
  assert.equal(await tr.redis.xlen(dlq), 0, 'nothing dead-lettered');
  await waitFor('acked', async () => when((await pendingCount(stream, group)) === 0));
  await c.stop();
});

test('an undecodable entry goes to the dlq at once; the others are handled', async () => {
  const { stream, dlq, group } = names();
  const handled: StreamMessage<Body>[] = [];
  const c = consumer({ stream, dlq, group, claimIdleMs: NEVER_CLAIM, handle: async (m) => void handled.push(m) });
  const badId = await add(stream, { bad: 'yes' });
  const goodId = await add(stream, { n: '2' });
  await c.start();
  await waitFor('dlq entry and the good one', async () => when((await tr.redis.xlen(dlq)) === 1 && c.stats.handled === 1));
  const [entry] = await dlqEntries(dlq);
  assert.equal(entry.id, badId);
  assert.match(entry.error, /^undecodable: bad entry yes/);
  assert.equal(entry.deliveries, '1');
  assert.deepEqual(handled.map((m) => m.id), [goodId]);
  assert.equal(await pendingCount(stream, group), 0);
  await c.stop();
});

test('handleBatch: one poison message does not block the batch; it alone ends in the dlq', async () => {
  const { stream, dlq, group } = names();
  const ids: string[] = [];
  for (let i = 0; i < 10; i++) ids.push(await add(stream, { n: String(i), kind: i === 4 ? 'poison' : 'ok' }));
  const sizes: number[] = [];
  const done: string[] = [];
  const c = consumer({
    stream, dlq, group, maxDeliveries: 2, claimIdleMs: 200, claimEveryMs: 100,
    async handleBatch(msgs) {
      sizes.push(msgs.length);
      // All or nothing, like a transaction: a poison message rolls the whole batch back.
      if (msgs.some((m) => m.body.kind === 'poison')) throw new Error('poison in batch');
      done.push(...msgs.map((m) => m.id));
    },
  });
  await c.start();
  await waitFor('poison dead-lettered', async () => when((await tr.redis.xlen(dlq)) === 1));
  await waitFor('nothing pending', async () => when((await pendingCount(stream, group)) === 0));
  assert.equal(sizes[0], 10, 'the entries came as one batch');
  assert.deepEqual(done, ids.filter((_, i) => i !== 4), 'every good entry committed exactly once');
  const [entry] = await dlqEntries(dlq);
  assert.equal(entry.id, ids[4]);
  assert.equal(entry.error, 'poison in batch');
  await c.stop();
});

test('NOGROUP: a destroyed group is recreated at 0 and new entries are still handled', async () => {
  const { stream, dlq, group } = names();
  const seen: string[] = [];
  const c = consumer({ stream, dlq, group, handle: async (m) => void seen.push(m.id) });
  await c.start();
  const a = await add(stream, { n: '1' });
  await waitFor('first entry', () => when(seen.includes(a)));
  await tr.redis.xgroup('DESTROY', stream, group);
  const b = await add(stream, { n: '2' });
  const d = await add(stream, { n: '3' });
  await waitFor('entries after the loss', () => when(seen.includes(b) && seen.includes(d)));
  // Recreated at 0, so `a` may be delivered again (at-least-once); nothing may stay unacked.
  await waitFor('all acked', async () => when((await pendingCount(stream, group).catch(() => -1)) === 0));
  assert.ok(seen.filter((id) => id === b).length >= 1);
  await c.stop();
});

test('health: ready while the read loop cycles, not once it stalls or stops', async () => {
  const { stream, dlq, group } = names();
  const c = consumer({ stream, dlq, group, blockMs: 200, handle: async () => undefined });
  assert.deepEqual(c.health(), { ok: false, reason: 'not running' });
  await c.start();
  await c.idle();
  assert.deepEqual(c.health(), { ok: true });
  // Seen from a moment past a blocking read and an error backoff with no cycle since: stuck.
  assert.equal(c.health(Date.now() + 200 + 10_001).ok, false);
  await c.stop();
  assert.equal(c.health().ok, false);
});

test('stop() unblocks a blocked read and ends the loop', async () => {
  const { stream, dlq, group } = names();
  const c = consumer({ stream, dlq, group, blockMs: 5000, handle: async () => undefined });
  await c.start();
  const line = async () => (await tr.redis.client('LIST') as string).split('\n').find((l) => l.includes(` name=${c.name}:block `));
  await waitFor('a blocked XREADGROUP', async () => {
    const l = await line();
    return when(!!l && / flags=\S*b/.test(l) && l.includes('cmd=xreadgroup'));
  });
  // The stop must end the blocked read itself (CLIENT UNBLOCK answers 1 when it unblocked a
  // client), not wait out BLOCK: seen on the command's answer, not on a clock.
  const unblocked: unknown[] = [];
  const original = tr.redis.client.bind(tr.redis) as (...a: unknown[]) => Promise<unknown>;
  (tr.redis as unknown as { client: (...a: unknown[]) => Promise<unknown> }).client = async (...a: unknown[]) => {
    const r = await original(...a);
    if (String(a[0]).toUpperCase() === 'UNBLOCK') unblocked.push(r);
    return r;
  };
  try {
    await c.stop();
  } finally {
    (tr.redis as unknown as { client: unknown }).client = original;
  }
  assert.deepEqual(unblocked, [1], 'stop() unblocked the blocked read');
  await waitFor('the blocking connection is closed', async () => when((await line()) === undefined));
});

test('stop() waits for the in-flight handler and acks its entry', async () => {
  const { stream, dlq, group } = names();
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let entered = false;
  const done: string[] = [];
  const c = consumer({ stream, dlq, group, async handle(m) { entered = true; await gate; done.push(m.id); } });
  await c.start();
  const id = await add(stream, { n: '1' });
  await waitFor('handler entered', () => when(entered));
  let stopped = false;
  const cycled = c.idle();
  const stopping = c.stop().then(() => (stopped = true));
  // Let stop() go as far as it can without the handler: its blocked read ends (the read cycle
  // finishes), then it hands queued entries back (a round trip on this connection, ordered before
  // the pings). A stop that did not wait for the handler would have returned by then.
  await cycled;
  await tr.redis.ping();
  await tr.redis.ping();
  assert.equal(stopped, false, 'stop() must not return while a handler runs');
  assert.deepEqual((await pendingRows(stream, group)).map((r) => r.id), [id]);
  release();
  await stopping;
  assert.deepEqual(done, [id]);
  assert.equal(c.stats.handled, 1);
  assert.equal(await pendingCount(stream, group), 0);
});
