import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Gateway } from '../services/gateway/server.ts';
import { persistPlan, planBatch } from '../services/snapshotter/persist.ts';
import type { Keys } from '../shared/keys.ts';
import { fieldsToRecord, InEntry } from '../shared/streams.ts';
import type { TestDb } from './helpers/env.ts';
import { httpRequest, startTestGateway, type Created, type Reply, type TestGateway } from './helpers/gateway.ts';
import type { Frame } from './helpers/ws-client.ts';

// The HTTP API against DESIGN.md section 4. The snapshotter does not run here: the P:in entries the
// socket wrote are persisted with its own planBatch/persistPlan, as it would.

const ADMIN = 'admin-key-for-http-tests-0123456';
const SECRET = 'token-secret-for-http-tests-01234';
const MAX_BODY = 4096;

let t: TestGateway;
let db: TestDb;
let gw: Gateway;
let redis: Redis;
let keys: Keys;

before(async () => {
  t = await startTestGateway(ADMIN, SECRET, { HTTP_MAX_BODY_BYTES: String(MAX_BODY) });
  ({ db, gw, redis, keys } = t);
});

after(() => t?.stop());

function http(method: string, path: string, opts: { token?: string; body?: string; chunked?: boolean } = {}): Promise<Reply> {
  return httpRequest(`${gw.url}${path}`, method, opts);
}

function assertError(r: Reply, status: number, code: string): void {
  assert.equal(r.status, status, r.text);
  assert.equal(r.json?.error?.code, code, r.text);
  assert.equal(typeof r.json.error.message, 'string');
}

const body = (over: Record<string, unknown> = {}) =>
  JSON.stringify({ candidate: { name: 'Alan', email: 'alan@example.com' }, problem: { title: 'LRU cache', statement: 'Build one.', language: 'java' }, ...over });

async function createSession(): Promise<Created> {
  return t.createSession(JSON.parse(body()) as Record<string, unknown>);
}

const candidateSocket = (s: Created) => t.connect(s.wsUrl, s.candidateToken);

/** What the snapshotter would do with this session's P:in entries. */
async function persistSession(sessionId: string): Promise<void> {
  const raw = (await redis.xrange(keys.in, '-', '+')) as [string, string[]][];
  const msgs = raw
    .map(([id, f]) => ({ id, stream: keys.in, fields: fieldsToRecord(f), body: InEntry.parse(fieldsToRecord(f)) }))
    .filter((m) => m.body.sessionId === sessionId);
  await persistPlan(db.pool, planBatch(msgs));
}

describe('POST /v1/sessions', () => {
  test('needs the admin key', async () => {
    assertError(await http('POST', '/v1/sessions', { body: body() }), 401, 'unauthorized');
    assertError(await http('POST', '/v1/sessions', { token: 'not-the-admin-key-at-all', body: body() }), 401, 'unauthorized');
    const s = await createSession();
    assertError(await http('POST', '/v1/sessions', { token: s.interviewerToken, body: body() }), 403, 'forbidden');
  });

  test('rejects bad JSON, a bad body and an oversize body', async () => {
    assertError(await http('POST', '/v1/sessions', { token: ADMIN, body: '{"candidate":' }), 400, 'invalid_json');
    for (const bad of [
      '{}',
      '[]',
      body({ candidate: {} }),
      body({ candidate: { name: 'A', email: 'not-an-email' } }),
      body({ problem: { title: 'T' } }),
      body({ settings: { maxQuestions: 'five' } }),
      body({ settings: { durationMin: 0 } }),
    ]) assertError(await http('POST', '/v1/sessions', { token: ADMIN, body: bad }), 400, 'invalid_message');
    const big = body({ problem: { title: 'T', statement: 's'.repeat(MAX_BODY), language: 'go' } });
    assertError(await http('POST', '/v1/sessions', { token: ADMIN, body: big }), 413, 'too_large');
    assertError(await http('POST', '/v1/sessions', { token: ADMIN, body: big, chunked: true }), 413, 'too_large');
    // Just under the limit without a length header still works.
    const fits = await http('POST', '/v1/sessions', { token: ADMIN, body: body({ problem: { title: 'T', statement: 's'.repeat(MAX_BODY - 300), language: 'go' } }), chunked: true });
    assert.equal(fits.status, 201, fits.text);
  });

  test('201 with id, tokens, wsUrl and expiresAt', async () => {
    const before = Date.now();
    const r = await http('POST', '/v1/sessions', { token: ADMIN, body: body({ settings: { durationMin: 30, maxQuestions: 3 } }) });
    const afterT = Date.now();
    assert.equal(r.status, 201, r.text);
    assert.equal(r.type, 'application/json');
    const s = r.json as Created;
    assert.deepEqual(Object.keys(s).sort(), ['candidateToken', 'expiresAt', 'id', 'interviewerToken', 'wsUrl']);
    assert.match(s.id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.notEqual(s.candidateToken, s.interviewerToken);
    assert.equal(s.wsUrl, `ws://127.0.0.1:${gw.port}/v1/sessions/${s.id}/ws`);
    const exp = Date.parse(s.expiresAt);
    assert.ok(exp >= before + 30 * 60_000 && exp <= afterT + 30 * 60_000, s.expiresAt);
    const one = await http('GET', `/v1/sessions/${s.id}`, { token: ADMIN });
    assert.equal(one.json.settings.maxQuestions, 3);
    assert.deepEqual(one.json.candidate, { name: 'Alan', email: 'alan@example.com' });
  });
});

describe('reading sessions', () => {
  test('GET /v1/sessions: admin sees all, an interviewer only its own', async () => {
    const a = await createSession();
    const b = await createSession();
    const all = await http('GET', '/v1/sessions', { token: ADMIN });
    assert.equal(all.status, 200);
    const ids = (all.json.sessions as { id: string }[]).map((s) => s.id);
    assert.ok(ids.includes(a.id) && ids.includes(b.id));
    const mine = await http('GET', '/v1/sessions', { token: a.interviewerToken });
    assert.equal(mine.status, 200);
    assert.deepEqual((mine.json.sessions as { id: string; status: string }[]).map((s) => [s.id, s.status]), [[a.id, 'active']]);
    assertError(await http('GET', '/v1/sessions', { token: a.candidateToken }), 403, 'forbidden');
    assertError(await http('GET', '/v1/sessions'), 401, 'unauthorized');
  });

  test('GET /v1/sessions/{id}: who may read it, and 404 for an unknown id', async () => {
    const a = await createSession();
    const b = await createSession();
    for (const token of [ADMIN, a.interviewerToken]) {
      const r = await http('GET', `/v1/sessions/${a.id}`, { token });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.id, a.id);
      assert.equal(r.json.status, 'active');
      assert.equal(r.json.problem.title, 'LRU cache');
      assert.deepEqual(r.json.counts, { snapshots: 0, lastSeq: null, questions: 0, answers: 0, evaluations: 0, reportReady: false });
    }
    assertError(await http('GET', `/v1/sessions/${a.id}`, { token: a.candidateToken }), 403, 'forbidden');
    assertError(await http('GET', `/v1/sessions/${a.id}`, { token: b.interviewerToken }), 403, 'forbidden');
    assertError(await http('GET', `/v1/sessions/${randomUUID()}`, { token: ADMIN }), 404, 'not_found');
    assertError(await http('GET', '/v1/sessions/not-a-session', { token: ADMIN }), 404, 'not_found');
  });

  test('GET /v1/sessions/{id}/code gives the exact code at a seq or a time', async () => {
    const s = await createSession();
    const sock = await candidateSocket(s);
    const codes = ['class LRU {}\n', 'class LRU {\n  int cap;\n}\n', 'class LRU {\n  int cap;\n  Map<Integer, Integer> m = new HashMap<>();\n}\n'];
    const acks: Frame[] = [];
    for (const [i, code] of codes.entries()) {
      acks.push(await sock.request({ type: 'code_update', id: `u${i}`, seq: (i + 1) * 10, code, language: 'java', ts: Date.now() }));
    }
    await persistSession(s.id);
    const bySeq: { seq: number; code: string; receivedAt: string }[] = [];
    for (const [i, code] of codes.entries()) {
      const r = await http('GET', `/v1/sessions/${s.id}/code?seq=${(i + 1) * 10}`, { token: s.interviewerToken });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.code, code);
      assert.equal(r.json.seq, (i + 1) * 10);
      assert.equal(r.json.language, 'java');
      assert.equal(r.json.eventId, acks[i].eventId);
      bySeq.push(r.json as { seq: number; code: string; receivedAt: string });
    }
    // Between two updates, the code is the earlier one's; past the last, the last one's.
    assert.equal((await http('GET', `/v1/sessions/${s.id}/code?seq=25`, { token: ADMIN })).json.code, codes[1]);
    assert.equal((await http('GET', `/v1/sessions/${s.id}/code?seq=999`, { token: ADMIN })).json.code, codes[2]);
    assertError(await http('GET', `/v1/sessions/${s.id}/code?seq=9`, { token: ADMIN }), 404, 'not_found');
    for (const row of bySeq) {
      const at = row.receivedAt;
      // The newest update received at or before that moment (two may share a millisecond).
      const expected = bySeq.filter((x) => Date.parse(x.receivedAt) <= Date.parse(at)).at(-1)!;
      const r = await http('GET', `/v1/sessions/${s.id}/code?at=${encodeURIComponent(at)}`, { token: ADMIN });
      assert.equal(r.status, 200, r.text);
      assert.deepEqual([r.json.seq, r.json.code], [expected.seq, expected.code]);
    }
    const early = new Date(Date.parse(bySeq[0].receivedAt) - 3_600_000).toISOString();
    assertError(await http('GET', `/v1/sessions/${s.id}/code?at=${early}`, { token: ADMIN }), 404, 'not_found');
    const late = new Date(Date.parse(bySeq[2].receivedAt) + 3_600_000).toISOString();
    assert.equal((await http('GET', `/v1/sessions/${s.id}/code?at=${late}`, { token: ADMIN })).json.code, codes[2]);
    for (const q of ['', '?seq=abc', '?seq=-1', '?at=yesterday']) {
      assertError(await http('GET', `/v1/sessions/${s.id}/code${q}`, { token: ADMIN }), 400, 'invalid_message');
    }
    assertError(await http('GET', `/v1/sessions/${s.id}/code?seq=10`, { token: s.candidateToken }), 403, 'forbidden');
    const one = await http('GET', `/v1/sessions/${s.id}`, { token: ADMIN });
    assert.equal(one.json.counts.snapshots, 3);
    assert.equal(one.json.counts.lastSeq, 30);
  });
});

describe('end and report', () => {
  test('POST /v1/sessions/{id}/end: 202, session_ended on the socket, then alreadyEnded', async () => {
    const s = await createSession();
    const other = await createSession();
    const sock = await candidateSocket(s);
    assertError(await http('POST', `/v1/sessions/${s.id}/end`, { token: other.candidateToken }), 403, 'forbidden');
    assertError(await http('POST', `/v1/sessions/${randomUUID()}/end`, { token: ADMIN }), 404, 'not_found');
    const first = await http('POST', `/v1/sessions/${s.id}/end`, { token: s.interviewerToken });
    assert.equal(first.status, 202, first.text);
    assert.equal(first.json.alreadyEnded, false);
    const ended = await sock.next((f) => f.type === 'session_ended');
    assert.match(String(ended.eventId), /^\d+-\d+$/);
    const second = await http('POST', `/v1/sessions/${s.id}/end`, { token: ADMIN });
    assert.equal(second.status, 202, second.text);
    assert.equal(second.json.alreadyEnded, true);
    const late = await sock.request({ type: 'code_update', id: 'late', seq: 1, code: 'x', language: 'java', ts: 1 });
    assert.deepEqual([late.type, late.code], ['error', 'session_closed']);
    await persistSession(s.id);
    const row = await http('GET', `/v1/sessions/${s.id}`, { token: ADMIN });
    assert.deepEqual([row.json.status, row.json.endedBy], ['ended', 'interviewer']);
    // A candidate may end its own session too.
    const third = await createSession();
    const byCandidate = await http('POST', `/v1/sessions/${third.id}/end`, { token: third.candidateToken });
    assert.deepEqual([byCandidate.status, byCandidate.json.alreadyEnded], [202, false]);
  });

  test('GET /v1/sessions/{id}/report: 202 while there is no report, 200 with it', async () => {
    const s = await createSession();
    for (const token of [ADMIN, s.interviewerToken]) {
      const r = await http('GET', `/v1/sessions/${s.id}/report`, { token });
      assert.equal(r.status, 202, r.text);
    }
    assertError(await http('GET', `/v1/sessions/${s.id}/report`, { token: s.candidateToken }), 403, 'forbidden');
    assertError(await http('GET', `/v1/sessions/${randomUUID()}/report`, { token: ADMIN }), 404, 'not_found');
    const report = { sessionId: s.id, summary: 'solid', score: 81 };
    await db.pool.query(`INSERT INTO reports (session_id, report, provider, model) VALUES ($1, $2, 'heuristic', 'test')`, [s.id, report]);
    const done = await http('GET', `/v1/sessions/${s.id}/report`, { token: s.interviewerToken });
    assert.equal(done.status, 200, done.text);
    assert.deepEqual(done.json, report);
  });
});

describe('operations', () => {
  test('/healthz, /readyz and /metrics', async () => {
    const health = await http('GET', '/healthz');
    assert.equal(health.status, 200);
    const ready = await http('GET', '/readyz');
    assert.equal(ready.status, 200, ready.text);
    assert.equal(ready.json.redis, 'ok');
    assert.equal(ready.json.postgres, 'ok');
    const metrics = await http('GET', '/metrics');
    assert.equal(metrics.status, 200);
    assert.match(metrics.type, /^text\/plain/);
    assert.match(metrics.text, /^# TYPE \w+ (gauge|counter)$/m);
    assert.match(metrics.text, /^assess_gateway_sockets \d+$/m);
    // The pipeline as Redis sees it: the in stream's length and, once groups exist, their lag.
    assert.match(metrics.text, /^assess_stream_length\{stream="in"\} \d+$/m);
    assert.match(metrics.text, /^assess_stream_length\{stream="dlq"\} \d+$/m);
  });

  test('an unknown route is 404 with an error body', async () => {
    for (const path of ['/nope', '/v1/sessions/x/y/z', '/v2/sessions']) {
      assertError(await http('GET', path, { token: ADMIN }), 404, 'not_found');
    }
  });
});
