import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fieldsToRecord, InEntry } from '../shared/streams.ts';
import { startTestGateway, type Created, type TestGateway } from './helpers/gateway.ts';
import type { Frame, TestSocket } from './helpers/ws-client.ts';

// A socket's frames are pipelined — none waits for the ack of the one before it — yet acks come
// back in the order the frames were sent, P:in holds them in that order, and a resend still gets
// the first ack. Waits on frames, never on time.

let t: TestGateway;
before(async () => {
  t = await startTestGateway('admin-key-for-pipelining-0123', 'token-secret-for-pipelining-0123', { WS_RATE_PER_SEC: '10000', WS_RATE_BURST: '10000' });
});
after(() => t?.stop());

const update = (seq: number, id = `c${seq}`) => ({ type: 'code_update', id, seq, code: `print(${seq})\n`, language: 'python', ts: seq });

async function session(): Promise<{ id: string; sock: TestSocket; s: Created }> {
  const s = await t.createSession();
  return { id: s.id, sock: await t.connect(s.wsUrl, s.candidateToken), s };
}

/** The replies (acks and errors) a socket got, once there are n of them. */
async function replies(sock: TestSocket, n: number): Promise<Frame[]> {
  const isReply = (f: Frame) => f.type === 'ack' || f.type === 'error';
  let count = 0;
  await sock.next((f) => isReply(f) && ++count === n);
  return sock.frames.filter(isReply);
}

const streamOrder = (a: string, b: string) => {
  const [am, as] = a.split('-').map(Number);
  const [bm, bs] = b.split('-').map(Number);
  return am - bm || as - bs;
};

async function inSeqs(sessionId: string): Promise<{ id: string; seq: number }[]> {
  const raw = (await t.redis.xrange(t.keys.in, '-', '+')) as [string, string[]][];
  return raw
    .map(([id, f]) => ({ id, entry: InEntry.parse(fieldsToRecord(f)) }))
    .filter((e) => e.entry.sessionId === sessionId)
    .map((e) => ({ id: e.id, seq: e.entry.frame.type === 'code_update' ? e.entry.frame.seq : -1 }));
}

test('64 frames sent without waiting: acks in send order with increasing event ids, P:in in send order', async () => {
  const { id, sock } = await session();
  for (let seq = 1; seq <= 64; seq++) sock.send(update(seq));
  const got = await replies(sock, 64);
  assert.deepEqual(got.map((f) => [f.type, f.id, f.seq]), Array.from({ length: 64 }, (_, i) => ['ack', `c${i + 1}`, i + 1]));
  const ids = got.map((f) => String(f.eventId));
  for (let i = 1; i < ids.length; i++) assert.ok(streamOrder(ids[i - 1], ids[i]) < 0, `${ids[i - 1]} before ${ids[i]}`);
  const stored = await inSeqs(id);
  assert.deepEqual(stored.map((e) => e.seq), Array.from({ length: 64 }, (_, i) => i + 1));
  assert.deepEqual(stored.map((e) => e.id), ids, 'each ack names its own entry');
});

test('a seq resent before its ack came gets the same eventId, and no second entry', async () => {
  const { id, sock, s } = await session();
  for (let seq = 1; seq <= 32; seq++) sock.send(update(seq));
  // resent right away, as a client would after a reconnect it did not wait for
  for (let seq = 17; seq <= 32; seq++) sock.send(update(seq, `r${seq}`));
  const got = await replies(sock, 48);
  assert.deepEqual(got.map((f) => f.id), [...Array.from({ length: 32 }, (_, i) => `c${i + 1}`), ...Array.from({ length: 16 }, (_, i) => `r${i + 17}`)]);
  for (const f of got) assert.equal(f.type, 'ack');
  const first = new Map(got.slice(0, 32).map((f) => [f.seq, f.eventId]));
  for (const f of got.slice(32)) assert.equal(f.eventId, first.get(f.seq), `seq ${String(f.seq)}`);
  assert.equal((await inSeqs(id)).length, 32);

  // From a second socket of the same session (a reconnect racing the old one): the same first acks.
  const other = await t.connect(s.wsUrl, s.candidateToken);
  for (let seq = 25; seq <= 32; seq++) other.send(update(seq, `o${seq}`));
  const resent = await replies(other, 8);
  assert.deepEqual(resent.map((f) => [f.id, f.eventId]), Array.from({ length: 8 }, (_, i) => [`o${i + 25}`, first.get(i + 25)]));
  assert.equal((await inSeqs(id)).length, 32);
});

test('stale and closed answers keep their place among the acks', async () => {
  const { sock } = await session();
  sock.send(update(5));
  sock.send(update(3));
  sock.send(update(6));
  sock.send({ type: 'end_session', id: 'end' });
  sock.send(update(7));
  sock.send(update(6, 'again'));
  const got = await replies(sock, 6);
  assert.deepEqual(got.map((f) => [f.id, f.type === 'ack' ? 'ack' : f.code]), [
    ['c5', 'ack'], ['c3', 'stale_seq'], ['c6', 'ack'], ['end', 'ack'], ['c7', 'session_closed'], ['again', 'ack'],
  ]);
});
