import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Redis } from 'ioredis';
import { appendFrame, ingestText, type IngestDeps, type Reply, type Writer } from '../services/gateway/ingest.ts';
import type { ClientFrame } from '../shared/protocol.ts';
import { fieldsToRecord, InEntry, OutEntry } from '../shared/streams.ts';
import { REDIS_URL, randomId, testRedis, type TestRedis } from './helpers/env.ts';
import { ack, candidate, ingestDeps, update } from './helpers/ingest.ts';

// The gateway's ingest path against real Redis: the Lua script makes dedupe by seq, stale seqs and
// the closed flag atomic, and nothing reaches P:in unless the frame validated and the writer may write.

const KiB = 1024;

let tr: TestRedis;
let deps: IngestDeps;
before(() => {
  tr = testRedis();
  deps = ingestDeps(tr);
});
after(() => tr.cleanup());

const inLen = () => tr.redis.xlen(tr.keys.in);

function errorCode(r: Reply): string {
  assert.equal(r.type, 'error', `expected an error, got ${JSON.stringify(r)}`);
  return (r as Extract<Reply, { type: 'error' }>).code;
}
async function outTypes(sessionId: string): Promise<string[]> {
  return (await tr.redis.xrange(tr.keys.out(sessionId), '-', '+')).map(([, f]) => OutEntry.parse(fieldsToRecord(f)).type);
}

test('a repeated seq gets the first ack eventId and writes no second entry', async () => {
  const w = candidate();
  const len = await inLen();
  const first = ack(await ingestText(deps, w, JSON.stringify(update(1, 'print("a")', 'm1'))));
  assert.equal(first.id, 'm1');
  assert.equal(first.seq, 1);
  // A resend after a reconnect, even with other content, is the same frame as far as the log goes.
  const again = ack(await ingestText(deps, w, JSON.stringify(update(1, 'print("b")', 'm2'))));
  assert.deepEqual(again, { type: 'ack', id: 'm2', eventId: first.eventId, seq: 1 });
  assert.equal(await inLen(), len + 1);

  // The entry is what the consumers decode, with the first content.
  const [[id, flat]] = await tr.redis.xrange(tr.keys.in, first.eventId, first.eventId);
  assert.equal(id, first.eventId);
  const entry = InEntry.parse(fieldsToRecord(flat));
  assert.equal(entry.sessionId, w.sessionId);
  assert.equal(entry.role, 'candidate');
  assert.equal(entry.type, 'code_update');
  assert.equal(entry.frame.type === 'code_update' && entry.frame.code, 'print("a")');
  assert.ok((await tr.redis.ttl(tr.keys.ingest(w.sessionId))) > 0, 'seq bookkeeping expires');
});

test('a seq that goes backwards is stale_seq and writes nothing', async () => {
  const w = candidate();
  ack(await appendFrame(deps, w, update(5)));
  const len = await inLen();
  assert.equal(errorCode(await appendFrame(deps, w, update(3))), 'stale_seq');
  assert.equal(errorCode(await appendFrame(deps, w, update(0))), 'stale_seq');
  assert.equal(await inLen(), len);
  ack(await appendFrame(deps, w, update(6)));
  assert.equal(await inLen(), len + 1);
});

test('after end_session every write is session_closed; session_ended is on the out stream once', async () => {
  const w = candidate();
  ack(await appendFrame(deps, w, update(1)));
  const end = ack(await appendFrame(deps, w, { type: 'end_session', id: 'e1' }));
  assert.equal(end.id, 'e1');
  assert.equal(end.seq, undefined);
  const len = await inLen();
  assert.equal(errorCode(await appendFrame(deps, w, update(2))), 'session_closed');
  assert.equal(errorCode(await appendFrame(deps, w, { type: 'end_session' })), 'session_closed');
  assert.equal(errorCode(await appendFrame(deps, w, { type: 'response_submitted', questionId: 'q1', answer: 'a', ts: 1 })), 'session_closed');
  assert.equal(errorCode(await appendFrame(deps, w, { type: 'editor_event', kind: 'run', ts: 1 })), 'session_closed');
  assert.equal(await inLen(), len);
  assert.deepEqual(await outTypes(w.sessionId), ['session_ended']);
  const [[, flat]] = await tr.redis.xrange(tr.keys.out(w.sessionId), '-', '+');
  assert.deepEqual(OutEntry.parse(fieldsToRecord(flat)).data, { reportUrl: `http://test/v1/sessions/${w.sessionId}/report` });
});

test('concurrent end_session frames end the session once', async () => {
  const w = candidate();
  const len = await inLen();
  const replies = await Promise.all(Array.from({ length: 10 }, () => appendFrame(deps, w, { type: 'end_session' })));
  assert.equal(replies.filter((r) => r.type === 'ack').length, 1);
  assert.equal(replies.filter((r) => r.type === 'error' && r.code === 'session_closed').length, 9);
  assert.equal(await inLen(), len + 1);
  assert.deepEqual(await outTypes(w.sessionId), ['session_ended']);
});

test('20 concurrent appendFrame calls with the same seq produce exactly one entry', async () => {
  // Separate connections, like gateway replicas or a reconnect racing the old socket.
  const clients = Array.from({ length: 4 }, () => new Redis(REDIS_URL));
  try {
    const w = candidate();
    const len = await inLen();
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) => appendFrame({ ...deps, redis: clients[i % clients.length] }, w, update(7, `v${i}`))),
    );
    const eventIds = new Set(replies.map((r) => ack(r).eventId));
    assert.equal(eventIds.size, 1, 'every caller got the same first ack');
    assert.equal(await inLen(), len + 1);
    const entries = await tr.redis.xrange(tr.keys.in, '-', '+');
    assert.equal(entries.filter(([, f]) => fieldsToRecord(f).sessionId === w.sessionId).length, 1);
  } finally {
    for (const c of clients) c.disconnect();
  }
});

test('an interviewer may not write: forbidden, and nothing is stored', async () => {
  const w: Writer = { sessionId: `s${randomId()}`, role: 'interviewer' };
  const len = await inLen();
  for (const frame of [update(1, 'x', 'i1'), { type: 'end_session' } as ClientFrame]) {
    const r = await ingestText(deps, w, JSON.stringify(frame));
    assert.equal(errorCode(r), 'forbidden');
  }
  assert.equal(await inLen(), len);
  assert.equal(await tr.redis.exists(tr.keys.ingest(w.sessionId), tr.keys.out(w.sessionId)), 0);
});

test('malformed, unknown, mistyped and oversize frames get their code and write nothing', async () => {
  const w = candidate();
  const code = (c: unknown) => JSON.stringify({ ...update(1), code: c });
  const cases: [what: string, text: string, expected: string][] = [
    ['truncated JSON', '{"type":"code_update",', 'invalid_json'],
    ['not JSON', 'hello', 'invalid_json'],
    ['empty frame', '', 'invalid_json'],
    ['JSON null', 'null', 'invalid_message'],
    ['JSON array', '[]', 'invalid_message'],
    ['unknown type', '{"type":"launch","id":"u1"}', 'invalid_message'],
    ['no type', '{"seq":1}', 'invalid_message'],
    ['seq as string', JSON.stringify({ ...update(1), seq: '1' }), 'invalid_message'],
    ['negative seq', JSON.stringify({ ...update(1), seq: -1 }), 'invalid_message'],
    ['fractional seq', JSON.stringify({ ...update(1), seq: 1.5 }), 'invalid_message'],
    ['code as number', code(42), 'invalid_message'],
    ['missing language', JSON.stringify({ type: 'code_update', seq: 1, code: '', ts: 1 }), 'invalid_message'],
    ['bad language', JSON.stringify({ ...update(1), language: 'py thon' }), 'invalid_message'],
    ['ts as string', JSON.stringify({ ...update(1), ts: 'now' }), 'invalid_message'],
    ['unknown editor kind', JSON.stringify({ type: 'editor_event', kind: 'copy', ts: 1 }), 'invalid_message'],
    ['answer without questionId', JSON.stringify({ type: 'response_submitted', answer: 'a', ts: 1 }), 'invalid_message'],
    ['code over 256 KiB', code('a'.repeat(256 * KiB + 1)), 'too_large'],
    // The limit is on UTF-8 bytes: 131073 two-byte characters are 262146 bytes.
    ['code over 256 KiB in bytes, not chars', code('é'.repeat(128 * KiB + 1)), 'too_large'],
    ['answer over 16 KiB', JSON.stringify({ type: 'response_submitted', questionId: 'q', answer: 'a'.repeat(16 * KiB + 1), ts: 1 }), 'too_large'],
    ['frame over the frame limit', JSON.stringify({ type: 'editor_event', kind: 'paste', ts: 1, detail: { blob: 'x'.repeat(1024 * KiB) } }), 'too_large'],
  ];
  const len = await inLen();
  for (const [what, text, expected] of cases) {
    const r = await ingestText(deps, w, text);
    assert.equal(errorCode(r), expected, what);
  }
  // The client message id is echoed when the frame parsed far enough to have one.
  const unknown = await ingestText(deps, w, '{"type":"launch","id":"u1"}');
  assert.equal(unknown.id, 'u1');
  assert.equal(await inLen(), len, 'nothing written');
  assert.equal(await tr.redis.exists(tr.keys.ingest(w.sessionId)), 0, 'no seq bookkeeping either');

  // Exactly at the limit is accepted.
  ack(await ingestText(deps, w, code('a'.repeat(256 * KiB))));
  assert.equal(await inLen(), len + 1);
});

// Postgres text and jsonb cannot hold U+0000 or an unpaired surrogate (which JSON.parse yields from
// "\u0000" / "\ud800"): acking such a frame would promise to keep what the archive cannot hold.
test('code with U+0000 or an unpaired surrogate is rejected before it is acked', async () => {
  const w = candidate();
  const len = await inLen();
  for (const code of ['a\u0000b', 'a\ud800b']) {
    assert.equal(errorCode(await ingestText(deps, w, JSON.stringify(update(1, code)))), 'invalid_message');
  }
  assert.equal(await inLen(), len);
});

test('an ended session stays closed past any token, keeping the acks of its last 100 seqs', async () => {
  const w = candidate();
  const acks = new Map<number, string>();
  for (let seq = 1; seq <= 150; seq++) acks.set(seq, ack(await appendFrame(deps, w, update(seq))).eventId);
  ack(await appendFrame({ ...deps, closedTtlSec: 9 * 24 * 3600 }, w, { type: 'end_session' }));
  assert.ok((await tr.redis.ttl(tr.keys.ingest(w.sessionId))) > 8 * 24 * 3600, 'closed for longer than the live TTL');
  assert.equal(ack(await appendFrame(deps, w, update(150))).eventId, acks.get(150), 'a late resend still gets its first ack');
  assert.equal(ack(await appendFrame(deps, w, update(51))).eventId, acks.get(51));
  assert.equal(errorCode(await appendFrame(deps, w, update(50))), 'session_closed', 'older acks were let go');
  assert.equal(errorCode(await appendFrame(deps, w, update(151))), 'session_closed');
});
