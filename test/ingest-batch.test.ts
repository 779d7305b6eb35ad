import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { appendFrame, type IngestDeps, type Reply, type Writer } from '../shared/ingest.ts';
import { batcherFor } from '../shared/ingest-batch.ts';
import { createKeys } from '../shared/keys.ts';
import type { ClientFrame } from '../shared/protocol.ts';
import { fieldsToRecord, InEntry, OutEntry } from '../shared/streams.ts';
import { testRedis, type TestRedis } from './helpers/env.ts';
import { ack, candidate, ingestDeps, update } from './helpers/ingest.ts';

// The group commit: frames appended in one event-loop turn go to Redis as one ingest-batch.lua call,
// and every frame still gets exactly the answer it would have had alone, in call order.


let tr: TestRedis;
let deps: IngestDeps;
before(() => {
  tr = testRedis();
  deps = ingestDeps(tr);
});
after(() => tr.cleanup());

const calls = () => batcherFor(tr.redis, tr.keys.in).stats.calls;

function errorCode(r: Reply): string {
  assert.equal(r.type, 'error', `expected an error, got ${JSON.stringify(r)}`);
  return (r as Extract<Reply, { type: 'error' }>).code;
}

/** Appends every frame in the same turn (one flush), returning the replies in call order. */
async function oneFlush(frames: [Writer, ClientFrame][]): Promise<Reply[]> {
  const before = calls();
  const replies = await Promise.all(frames.map(([w, f]) => appendFrame(deps, w, f)));
  assert.equal(calls() - before, 1, 'one script call for the whole batch');
  return replies;
}

async function inOf(sessionId: string): Promise<{ id: string; entry: InEntry }[]> {
  const raw = (await tr.redis.xrange(tr.keys.in, '-', '+')) as [string, string[]][];
  return raw.map(([id, f]) => ({ id, entry: InEntry.parse(fieldsToRecord(f)) })).filter((e) => e.entry.sessionId === sessionId);
}

test('many frames of many sessions in one call: each its own ack, P:in in call order', async () => {
  const writers = Array.from({ length: 10 }, candidate);
  const frames: [Writer, ClientFrame][] = [];
  for (let seq = 1; seq <= 8; seq++) for (const w of writers) frames.push([w, update(seq, `v${seq} of ${w.sessionId}`)]);
  const replies = (await oneFlush(frames)).map(ack);
  assert.equal(new Set(replies.map((r) => r.eventId)).size, frames.length, 'one entry each');
  for (const [i, r] of replies.entries()) assert.equal(r.seq, (frames[i][1] as { seq: number }).seq);
  for (const w of writers) {
    const entries = await inOf(w.sessionId);
    assert.deepEqual(entries.map((e) => e.entry.frame.type === 'code_update' && e.entry.frame.seq), [1, 2, 3, 4, 5, 6, 7, 8]);
    const mine = replies.filter((_, i) => frames[i][0] === w).map((r) => r.eventId);
    assert.deepEqual(entries.map((e) => e.id), mine, 'each ack names its own entry');
  }
});

test('a seq repeated inside one batch gets the first ack and writes no second entry', async () => {
  const w = candidate();
  const [a, b, c] = await oneFlush([[w, update(1, 'first')], [w, update(1, 'again')], [w, update(2)]]);
  assert.equal(ack(b).eventId, ack(a).eventId);
  assert.notEqual(ack(c).eventId, ack(a).eventId);
  const entries = await inOf(w.sessionId);
  assert.equal(entries.length, 2);
  assert.equal(entries[0].entry.frame.type === 'code_update' && entries[0].entry.frame.code, 'first');
});

test('a seq going backwards inside one batch is stale_seq; the frames around it are stored', async () => {
  const w = candidate();
  const [a, b, c] = await oneFlush([[w, update(5)], [w, update(3)], [w, update(6)]]);
  ack(a);
  assert.equal(errorCode(b), 'stale_seq');
  ack(c);
  assert.equal((await inOf(w.sessionId)).length, 2);
});

test('an end inside a batch closes the session for the frames after it, in the same batch', async () => {
  const w = candidate();
  const other = candidate();
  const replies = await oneFlush([
    [w, update(1)],
    [other, update(1)],
    [w, { type: 'end_session', id: 'e' }],
    [w, update(2)],
    [w, { type: 'editor_event', kind: 'run', ts: 1 }],
    [w, update(1)],
    [w, { type: 'end_session' }],
    [other, update(2)],
  ]);
  const first = ack(replies[0]);
  ack(replies[1]);
  assert.equal(ack(replies[2]).id, 'e');
  assert.equal(errorCode(replies[3]), 'session_closed');
  assert.equal(errorCode(replies[4]), 'session_closed');
  assert.equal(ack(replies[5]).eventId, first.eventId, 'a resend after the end still gets its first ack');
  assert.equal(errorCode(replies[6]), 'session_closed', 'the session ends once');
  ack(replies[7]);
  assert.deepEqual((await inOf(w.sessionId)).map((e) => e.entry.type), ['code_update', 'end_session']);
  const out = (await tr.redis.xrange(tr.keys.out(w.sessionId), '-', '+')).map(([, f]) => OutEntry.parse(fieldsToRecord(f)).type);
  assert.deepEqual(out, ['session_ended']);
  assert.equal(await tr.redis.exists(tr.keys.out(other.sessionId)), 0);
});

test('the bookkeeping stays bounded: a ring of 128 seqs, whatever the number of updates', async () => {
  const w = candidate();
  const acks = new Map<number, string>();
  for (let from = 1; from <= 1000; from += 100) {
    const seqs = Array.from({ length: 100 }, (_, i) => from + i);
    const replies = await Promise.all(seqs.map((s) => appendFrame(deps, w, update(s))));
    replies.forEach((r, i) => acks.set(seqs[i], ack(r).eventId));
  }
  const key = tr.keys.ingest(w.sessionId);
  assert.ok((await tr.redis.hlen(key)) <= 131, `field count ${await tr.redis.hlen(key)}`);
  assert.ok(Number(await tr.redis.memory('USAGE', key)) < 8 * 1024, 'a few KB');
  // What a client may still resend — its last 64 frames — gets the first ack.
  const resent = await Promise.all(Array.from({ length: 64 }, (_, i) => appendFrame(deps, w, update(937 + i))));
  resent.forEach((r, i) => assert.equal(ack(r).eventId, acks.get(937 + i)));
  // A seq older than the window is refused as stale and writes nothing (DESIGN.md, section 3).
  const len = await tr.redis.xlen(tr.keys.in);
  assert.equal(errorCode(await appendFrame(deps, w, update(5))), 'stale_seq');
  assert.equal(await tr.redis.xlen(tr.keys.in), len);
});

test('the TTL is refreshed once a quarter of it has passed, not on every frame', async () => {
  const w = candidate();
  const key = tr.keys.ingest(w.sessionId);
  const now = () => Math.floor(Date.now() / 1000);
  ack(await appendFrame(deps, w, update(1)));
  const exp = Number(await tr.redis.hget(key, 'exp'));
  assert.ok(Math.abs(exp - (now() + 3600)) <= 2);
  // Refreshed 10 minutes ago (less than a quarter of an hour): left alone.
  await tr.redis.multi().hset(key, 'exp', now() + 3000).expire(key, 3000).exec();
  ack(await appendFrame(deps, w, update(2)));
  assert.ok((await tr.redis.ttl(key)) <= 3000);
  // Refreshed 20 minutes ago: refreshed now.
  await tr.redis.multi().hset(key, 'exp', now() + 2400).expire(key, 2400).exec();
  ack(await appendFrame(deps, w, update(3)));
  assert.ok((await tr.redis.ttl(key)) > 3500);
});

test('a resend of a seq acked before the ring (an "s:<seq>" field) still gets its first ack', async () => {
  const w = candidate();
  const key = tr.keys.ingest(w.sessionId);
  await tr.redis.hset(key, 's:4', '1700000000000-0', 's:5', '1700000000001-0', 'last', '5');
  assert.equal(ack(await appendFrame(deps, w, update(5))).eventId, '1700000000001-0');
  assert.equal(errorCode(await appendFrame(deps, w, update(3))), 'stale_seq');
  ack(await appendFrame(deps, w, update(6)));
});

test('a frame Redis refuses fails alone; the others of the batch are stored', async () => {
  // P:in of another prefix made a plain string: every XADD to it fails.
  const broken: IngestDeps = { ...deps, keys: createKeys(`${tr.keys.prefix}x`) };
  await tr.redis.set(broken.keys.in, 'not a stream');
  try {
    const w = candidate();
    await assert.rejects(appendFrame(broken, w, update(1)), /ingest-batch/);
    assert.equal(await tr.redis.hget(broken.keys.ingest(w.sessionId), 'last'), null, 'nothing recorded for it');
  } finally {
    await tr.redis.del(broken.keys.in);
  }
});
