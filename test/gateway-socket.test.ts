import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import WebSocket from 'ws';
import type { Gateway } from '../services/gateway/server.ts';
import type { Keys } from '../shared/keys.ts';
import { fieldsToRecord, InEntry } from '../shared/streams.ts';
import { issueToken } from '../shared/tokens.ts';
import { startTestGateway, type Created, type TestGateway } from './helpers/gateway.ts';
import { TestSocket, type Frame } from './helpers/ws-client.ts';

// The socket route against DESIGN.md section 3: credentials at upgrade, welcome, acks that mean
// "durable in P:in", and every error code a single frame can earn. Relay and resume: gateway-relay.

const ADMIN = 'admin-key-for-socket-tests-0123';
const SECRET = 'token-secret-for-socket-tests-0123';
const KIB = 1024;

let t: TestGateway;
let gw: Gateway;
let redis: Redis;
let keys: Keys;

before(async () => {
  t = await startTestGateway(ADMIN, SECRET);
  ({ gw, redis, keys } = t);
});

after(() => t?.stop());

const createSession = () => t.createSession();

/** An upgrade that must be refused: its status and JSON error body; the connection is dropped. */
function refusedUpgrade(url: string, token: string | null, via: 'protocol' | 'query' = 'protocol'): Promise<{ status: number; code: string }> {
  const u = new URL(url);
  if (token && via === 'query') u.searchParams.set('token', token);
  const ws = new WebSocket(u, token && via === 'protocol' ? [`bearer.${token}`] : []);
  return new Promise((resolve, reject) => {
    ws.on('error', () => undefined);
    ws.once('open', () => (ws.terminate(), reject(new Error('the upgrade was accepted'))));
    ws.once('unexpected-response', (req, res) => {
      const socket = res.socket;
      let text = '';
      res.setEncoding('utf8').on('data', (c: string) => (text += c)).on('end', () => {
        req.destroy();
        socket.destroy();
        const body = JSON.parse(text) as { error: { code: string; message: string } };
        assert.equal(typeof body.error.message, 'string');
        resolve({ status: res.statusCode ?? 0, code: body.error.code });
      });
    });
  });
}

async function connect(url: string, token: string | null, opts: { via?: 'protocol' | 'query'; lastEventId?: string } = {}): Promise<TestSocket> {
  return t.track(await TestSocket.connect(url, token, opts));
}

/** A session with a connected candidate socket that has had its welcome. */
async function candidate(): Promise<{ s: Created; sock: TestSocket }> {
  const s = await createSession();
  const sock = await connect(s.wsUrl, s.candidateToken);
  await sock.next((f) => f.type === 'welcome');
  return { s, sock };
}

const update = (seq: number, code = `print(${seq})\n`, id = `c${seq}`) =>
  ({ type: 'code_update', id, seq, code, language: 'python', ts: Date.now() });

/** The P:in entries of one session, in stream order. */
async function inEntries(sessionId: string): Promise<{ id: string; entry: InEntry }[]> {
  const raw = (await redis.xrange(keys.in, '-', '+')) as [string, string[]][];
  return raw
    .map(([id, fields]) => ({ id, entry: InEntry.parse(fieldsToRecord(fields)) }))
    .filter((e) => e.entry.sessionId === sessionId);
}

/** The first error after frame index `from` with this code. */
const errorAfter = (sock: TestSocket, from: number, code: string) =>
  sock.next((f) => f.type === 'error' && f.code === code, 10_000, from);

describe('upgrade and welcome', () => {
  test('welcome carries sessionId, role and lastEventId; the bearer protocol is echoed', async () => {
    const s = await createSession();
    assert.equal(new URL(s.wsUrl).pathname, `/v1/sessions/${s.id}/ws`);
    const cand = await connect(s.wsUrl, s.candidateToken, { via: 'protocol' });
    assert.equal(cand.ws.protocol, `bearer.${s.candidateToken}`);
    const welcome = await cand.next((f) => f.type === 'welcome');
    assert.equal(welcome.sessionId, s.id);
    assert.equal(welcome.role, 'candidate');
    assert.equal(typeof welcome.lastEventId, 'string');
    assert.equal(cand.frames[0]?.type, 'welcome', 'welcome is the first frame');

    const int = await connect(s.wsUrl, s.interviewerToken);
    const w2 = await int.next((f) => f.type === 'welcome');
    assert.equal(w2.role, 'interviewer');
    assert.equal(w2.sessionId, s.id);
  });

  test('the token may come as ?token= instead', async () => {
    const s = await createSession();
    const sock = await connect(s.wsUrl, s.candidateToken, { via: 'query' });
    assert.equal(sock.ws.protocol, '');
    const welcome = await sock.next((f) => f.type === 'welcome');
    assert.deepEqual([welcome.sessionId, welcome.role], [s.id, 'candidate']);
    const ack = await sock.request(update(1));
    assert.equal(ack.type, 'ack');
  });

  test('no token, a garbage token, a forged or an expired token: 401', async () => {
    const s = await createSession();
    const unauthorized = { status: 401, code: 'unauthorized' };
    assert.deepEqual(await refusedUpgrade(s.wsUrl, null), unauthorized);
    assert.deepEqual(await refusedUpgrade(s.wsUrl, 'garbage'), unauthorized);
    assert.deepEqual(await refusedUpgrade(s.wsUrl, 'garbage', 'query'), unauthorized);
    const exp = Math.floor(Date.now() / 1000) + 3600;
    const forged = issueToken('some-other-secret-0123456789', { sid: s.id, role: 'candidate', exp });
    assert.deepEqual(await refusedUpgrade(s.wsUrl, forged), unauthorized);
    const expired = issueToken(SECRET, { sid: s.id, role: 'candidate', exp: Math.floor(Date.now() / 1000) - 60 });
    assert.deepEqual(await refusedUpgrade(s.wsUrl, expired), unauthorized);
    assert.deepEqual(await refusedUpgrade(s.wsUrl, expired, 'query'), unauthorized);
  });

  test('a valid token of another session: 403', async () => {
    const a = await createSession();
    const b = await createSession();
    const forbidden = { status: 403, code: 'forbidden' };
    assert.deepEqual(await refusedUpgrade(a.wsUrl, b.candidateToken), forbidden);
    assert.deepEqual(await refusedUpgrade(a.wsUrl, b.interviewerToken, 'query'), forbidden);
    const other = issueToken(SECRET, { sid: randomUUID(), role: 'candidate', exp: Math.floor(Date.now() / 1000) + 60 });
    assert.deepEqual(await refusedUpgrade(a.wsUrl, other), forbidden);
  });
});

describe('acks', () => {
  test('code_update is acked with eventId and seq once it is in P:in', async () => {
    const { s, sock } = await candidate();
    const frame = { ...update(1, 'def f(x):\n    return x\n'), cursor: { line: 1, col: 4 } };
    const ack = await sock.request(frame);
    assert.equal(ack.type, 'ack');
    assert.equal(ack.id, 'c1');
    assert.equal(ack.seq, 1);
    assert.match(String(ack.eventId), /^\d+-\d+$/);
    // Read right after the ack, no polling: the ack promises the entry is already there.
    const [hit] = (await redis.xrange(keys.in, String(ack.eventId), String(ack.eventId))) as [string, string[]][];
    assert.ok(hit, 'the acked eventId is in P:in');
    const entry = InEntry.parse(fieldsToRecord(hit[1]));
    assert.equal(entry.sessionId, s.id);
    assert.equal(entry.role, 'candidate');
    assert.equal(entry.type, 'code_update');
    assert.deepEqual(entry.frame, frame);
  });

  test('other frame types are acked too, and without an id the ack has none', async () => {
    const { s, sock } = await candidate();
    const ev = await sock.request({ type: 'editor_event', id: 'ev1', kind: 'paste', ts: Date.now(), detail: { chars: 120 } });
    assert.equal(ev.type, 'ack');
    assert.equal(ev.seq, undefined);
    const ans = await sock.request({ type: 'response_submitted', id: 'a1', questionId: 'q-1', answer: 'It is O(n).', ts: Date.now() });
    assert.equal(ans.type, 'ack');
    const from = sock.frames.length;
    sock.send({ type: 'code_update', seq: 1, code: 'x = 1\n', language: 'python', ts: Date.now() });
    const bare = await sock.next((f) => f.type === 'ack', 10_000, from);
    assert.equal(bare.id, undefined);
    assert.equal(bare.seq, 1);
    const types = (await inEntries(s.id)).map((e) => e.entry.type);
    assert.deepEqual(types, ['editor_event', 'response_submitted', 'code_update']);
  });

  test('a repeated seq gets the first ack again and no second entry', async () => {
    const { s, sock } = await candidate();
    const first = await sock.request(update(1, 'a = 1\n', 'first'));
    const again = await sock.request(update(1, 'a = 2\n', 'again'));
    assert.equal(again.type, 'ack');
    assert.equal(again.id, 'again');
    assert.equal(again.eventId, first.eventId);
    assert.equal(again.seq, 1);
    // Also from a second socket of the same session (a reconnecting editor).
    const other = await connect(s.wsUrl, s.candidateToken);
    const third = await other.request(update(1, 'a = 3\n', 'third'));
    assert.equal(third.eventId, first.eventId);
    const entries = await inEntries(s.id);
    assert.equal(entries.length, 1);
    assert.equal(entries[0].id, first.eventId);
    assert.equal(entries[0].entry.frame.type === 'code_update' && entries[0].entry.frame.code, 'a = 1\n');
  });

  test('a seq below the last accepted one: stale_seq, nothing written', async () => {
    const { s, sock } = await candidate();
    assert.equal((await sock.request(update(5))).type, 'ack');
    const stale = await sock.request(update(3));
    assert.equal(stale.type, 'error');
    assert.equal(stale.code, 'stale_seq');
    assert.equal(stale.id, 'c3');
    assert.equal(typeof stale.message, 'string');
    assert.equal((await sock.request(update(6))).type, 'ack');
    assert.deepEqual((await inEntries(s.id)).map((e) => e.entry.frame.type === 'code_update' && e.entry.frame.seq), [5, 6]);
  });
});

describe('bad frames', () => {
  test('malformed JSON: invalid_json, and the socket stays open', async () => {
    const { s, sock } = await candidate();
    for (const text of ['{not json', '', '{"type":"code_update",']) {
      const from = sock.frames.length;
      sock.send(text);
      const err = await errorAfter(sock, from, 'invalid_json');
      assert.equal(typeof err.message, 'string');
    }
    assert.equal((await sock.request(update(1))).type, 'ack');
    assert.equal(sock.closed, null);
    assert.equal((await inEntries(s.id)).length, 1);
  });

  test('unknown type or wrong field types: invalid_message with the id, socket stays open', async () => {
    const { s, sock } = await candidate();
    const bad: Frame[] = [
      { type: 'bogus', id: 'b1' },
      { type: 'code_update', id: 'b2', seq: '1', code: 'x', language: 'python', ts: 1 },
      { type: 'code_update', id: 'b3', seq: -1, code: 'x', language: 'python', ts: 1 },
      { type: 'code_update', id: 'b4', seq: 1.5, code: 'x', language: 'python', ts: 1 },
      { type: 'code_update', id: 'b5', seq: 1, code: 42, language: 'python', ts: 1 },
      { type: 'code_update', id: 'b6', seq: 1, code: 'x', ts: 1 },
      { type: 'code_update', id: 'b7', seq: 1, code: 'x', language: 'python', ts: 1, cursor: { line: 'a', col: 0 } },
      { type: 'editor_event', id: 'b8', kind: 'teleport', ts: 1 },
      { type: 'response_submitted', id: 'b9', answer: 'yes', ts: 1 },
    ];
    for (const frame of bad) {
      const reply = await sock.request(frame as Frame & { id: string });
      assert.equal(reply.type, 'error', JSON.stringify(frame));
      assert.equal(reply.code, 'invalid_message', JSON.stringify(frame));
    }
    for (const text of ['42', 'null', '[]', '"code_update"', '{}']) {
      const from = sock.frames.length;
      sock.send(text);
      await errorAfter(sock, from, 'invalid_message');
    }
    const ok = await sock.request(update(1));
    assert.equal(ok.type, 'ack');
    assert.equal(sock.closed, null);
    assert.equal((await inEntries(s.id)).length, 1, 'only the valid frame was written');
  });

  test('code over 256 KiB: too_large, nothing written, and the seq is still free', async () => {
    const { s, sock } = await candidate();
    const big = await sock.request(update(1, 'x'.repeat(256 * KIB + 1), 'big'));
    assert.deepEqual([big.type, big.code, big.id], ['error', 'too_large', 'big']);
    // The limit is on UTF-8 bytes: 131073 two-byte characters are over it.
    const wide = await sock.request(update(1, 'é'.repeat(128 * KIB + 1), 'wide'));
    assert.deepEqual([wide.type, wide.code], ['error', 'too_large']);
    const answer = await sock.request({ type: 'response_submitted', id: 'ans', questionId: 'q', answer: 'y'.repeat(16 * KIB + 1), ts: 1 });
    assert.deepEqual([answer.type, answer.code], ['error', 'too_large']);
    assert.equal((await inEntries(s.id)).length, 0, 'nothing written');
    // Exactly at the limit is accepted, under the same seq the rejected frames used.
    const edge = await sock.request(update(1, 'x'.repeat(256 * KIB), 'edge'));
    assert.equal(edge.type, 'ack');
    assert.equal(edge.seq, 1);
    assert.equal((await inEntries(s.id)).length, 1);
  });

  test('a binary frame: invalid_message, socket stays open', async () => {
    const { s, sock } = await candidate();
    const from = sock.frames.length;
    sock.ws.send(Buffer.from(JSON.stringify(update(1))), { binary: true });
    await errorAfter(sock, from, 'invalid_message');
    assert.equal((await inEntries(s.id)).length, 0);
    assert.equal((await sock.request(update(1))).type, 'ack');
  });

  test('an interviewer socket writes nothing: forbidden', async () => {
    const s = await createSession();
    const int = await connect(s.wsUrl, s.interviewerToken);
    await int.next((f) => f.type === 'welcome');
    const frames: (Frame & { id: string })[] = [
      update(1, 'x = 1\n', 'i1'),
      { type: 'response_submitted', id: 'i2', questionId: 'q', answer: 'a', ts: 1 },
      { type: 'editor_event', id: 'i3', kind: 'run', ts: 1 },
      { type: 'end_session', id: 'i4' },
    ];
    for (const frame of frames) {
      const reply = await int.request(frame);
      assert.deepEqual([reply.type, reply.code, reply.id], ['error', 'forbidden', frame.id]);
    }
    assert.equal((await inEntries(s.id)).length, 0);
    assert.equal(int.closed, null);
    // The session is not ended by the interviewer's attempt: the candidate still writes.
    const cand = await connect(s.wsUrl, s.candidateToken);
    assert.equal((await cand.request(update(1))).type, 'ack');
  });
});
