import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type PgBoss from 'pg-boss';
import type { Redis } from 'ioredis';
import { chromaAnswers, startChroma } from '../scripts/chroma/runtime.ts';
import type { Gateway } from '../services/gateway/server.ts';
import { persistPlan, planBatch } from '../services/snapshotter/persist.ts';
import type { Config } from '../shared/config.ts';
import { embedderFromConfig } from '../shared/embedding.ts';
import { queueReport, startBoss } from '../shared/jobs.ts';
import type { Keys } from '../shared/keys.ts';
import { createRetriever, type Retriever } from '../shared/retrieval.ts';
import { encodeAsk, encodeOut, fieldsToRecord, InEntry } from '../shared/streams.ts';
import { freePort, testLogger, waitFor, type TestDb } from './helpers/env.ts';
import { httpRequest, startTestGateway, type Created, type Reply, type TestGateway } from './helpers/gateway.ts';
import type { TestSocket } from './helpers/ws-client.ts';

// DELETE /v1/sessions/{id} against real Postgres, Redis, pg-boss and Chroma (CHROMA_URL if it
// answers, else a private server on a free port): after it, nothing of the session is left anywhere,
// and nothing of any other session is touched.

const ADMIN = 'admin-key-for-erase-tests-0123456';
const SECRET = 'token-secret-for-erase-tests-01234';

let t: TestGateway;
let db: TestDb;
let redis: Redis;
let gw: Gateway;
let keys: Keys;
let prefix: string;
let boss: PgBoss;
let config: Config;
let retriever: Retriever;
let stopChroma: (() => Promise<void>) | undefined;

before(async () => {
  let chromaUrl = process.env.CHROMA_URL ?? '';
  if (!chromaUrl || !(await chromaAnswers(chromaUrl))) {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'chroma-erase-'));
    const server = await startChroma({ dataDir, port: await freePort() });
    chromaUrl = server.url;
    stopChroma = async () => {
      await server.stop();
      await fs.rm(dataDir, { recursive: true, force: true });
    };
  }
  t = await startTestGateway(ADMIN, SECRET, { CHROMA_URL: chromaUrl });
  ({ db, redis, gw, keys, prefix, config } = t);
  boss = await startBoss(db.url, testLogger());
  // The agent's retriever: same embedder choice and prefix, so the same memory collection.
  retriever = createRetriever({ chromaUrl, embedder: embedderFromConfig(config).embedder, prefix });
}, { timeout: 180_000 });

after(async () => {
  await boss?.stop({ graceful: false, wait: true });
  await retriever?.dropCollections().catch(() => undefined);
  await stopChroma?.();
  await t?.stop();
});

function http(base: string, method: string, path: string, token?: string, body?: string): Promise<Reply> {
  return httpRequest(`${base}${path}`, method, { token, body });
}

function assertError(r: Reply, status: number, code: string): void {
  assert.equal(r.status, status, r.text);
  assert.equal(r.json?.error?.code, code, r.text);
}

const createSession = (base = gw.url) =>
  t.createSession({ candidate: { name: 'Ada', email: 'ada@example.com' }, problem: { title: 'LRU', statement: 'Build one.', language: 'java' } }, base);

const candidateSocket = (s: Created) => t.connect(s.wsUrl, s.candidateToken);

async function writeCode(sock: TestSocket, seqs: number[]): Promise<void> {
  for (const seq of seqs) {
    const ack = await sock.request({ type: 'code_update', id: `c${seq}`, seq, code: `class Secret${seq} {}`, language: 'java', ts: Date.now() });
    assert.equal(ack.type, 'ack', JSON.stringify(ack));
  }
}

/** What the snapshotter would do with the session's P:in entries: code_snapshots + session_events. */
async function persistSession(sessionId: string): Promise<void> {
  const raw = (await redis.xrange(keys.in, '-', '+')) as [string, string[]][];
  const msgs = raw
    .map(([id, f]) => ({ id, stream: keys.in, fields: fieldsToRecord(f), body: InEntry.parse(fieldsToRecord(f)) }))
    .filter((m) => m.body.sessionId === sessionId);
  await persistPlan(db.pool, planBatch(msgs));
}

/** Everything the other services would have left of a session, beyond what its socket wrote. */
async function seed(sessionId: string): Promise<void> {
  await persistSession(sessionId);
  await db.pool.query(
    `INSERT INTO interactions (id, session_id, request_id, seq, reason_code, reason, question, provider, model, asked_at, answer)
     VALUES ($1, $2, $3, 1, 'new_function', 'a new function', 'Why a map?', 'heuristic', 'h1', now(), 'Because O(1) lookups')`,
    [`q-${sessionId}`, sessionId, `r-${sessionId}`],
  );
  await db.pool.query(
    `INSERT INTO llm_calls (session_id, interaction_id, call_key, kind, provider, model, prompt_hash, raw_output, latency_ms)
     VALUES ($1, $2, $3, 'question', 'heuristic', 'h1', 'abc', 'Why a map?', 3)`,
    [sessionId, `q-${sessionId}`, `k-${sessionId}`],
  );
  await db.pool.query(`INSERT INTO reports (session_id, report, provider, model) VALUES ($1, '{"summary":"secret"}', 'heuristic', 'h1')`, [sessionId]);
  const jobId = await queueReport(boss, { sessionId, reason: 'api' });
  assert.ok(jobId);
  // An archived copy, as pg-boss maintenance would leave after the job completed.
  await db.pool.query('INSERT INTO pgboss.archive SELECT j.*, now() FROM pgboss.job j WHERE j.id = $1', [jobId]);
  await redis.xadd(keys.ask, '*', ...encodeAsk({
    sessionId, requestId: `r-${sessionId}`, seq: 1, reasonCode: 'new_function', reason: 'a new function', at: Date.now(),
    questionId: `q-${sessionId}`, language: 'java', code: 'class Secret {}', context: {},
  }));
  await redis.xadd(keys.dlq, '*', 'stream', keys.in, 'group', 'snapshotter', 'id', '1-1', 'error', 'boom', 'deliveries', '5',
    'fields', JSON.stringify({ sessionId, role: 'candidate', type: 'code_update', frame: '{"code":"class Secret {}"}', at: '1' }));
  await redis.xadd(keys.out(sessionId), '*', ...encodeOut('answer_received', { questionId: `q-${sessionId}` }));
  await redis.hset(keys.state(sessionId), 'lastSeq', '2');
  await redis.rpush(keys.chat(sessionId), JSON.stringify({ role: 'user', content: 'Because O(1) lookups' }));
  await redis.hset(keys.once(sessionId), `ask:r-${sessionId}`, '1-0');
  await retriever.rememberInteraction(sessionId, { id: `q-${sessionId}`, question: 'Why a map here?', answer: 'Because O(1) lookups', topic: 'hashing', score: 80 });
}

interface Left { tables: Record<string, number>; jobs: number; archive: number; in: number; ask: number; dlq: number; keys: string[]; memory: number }

/** What is left of a session in every store. */
async function leftOf(sessionId: string): Promise<Left> {
  const tables: Record<string, number> = {};
  for (const t of ['code_snapshots', 'session_events', 'interactions', 'llm_calls', 'reports']) {
    tables[t] = (await db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t} WHERE session_id = $1`, [sessionId])).rows[0]!.n;
  }
  tables.sessions = (await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM sessions WHERE id = $1', [sessionId])).rows[0]!.n;
  const count = async (table: string) => (await db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM pgboss.${table} WHERE data->>'sessionId' = $1`, [sessionId])).rows[0]!.n;
  const inStream = async (key: string, match: (r: Record<string, string>) => boolean) =>
    ((await redis.xrange(key, '-', '+')) as [string, string[]][]).filter(([, f]) => match(fieldsToRecord(f))).length;
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}:*${sessionId}*`, 'COUNT', 1000);
    cursor = next;
    found.push(...batch);
  } while (cursor !== '0');
  return {
    tables,
    jobs: await count('job'),
    archive: await count('archive'),
    in: await inStream(keys.in, (r) => r.sessionId === sessionId),
    ask: await inStream(keys.ask, (r) => r.sessionId === sessionId),
    dlq: await inStream(keys.dlq, (r) => (r.fields ?? '').includes(sessionId)),
    keys: found.sort(),
    memory: (await retriever.searchSession(sessionId, 'Why a map here? O(1) lookups', 5)).length,
  };
}

const nothing = (sessionId: string): Left => ({
  tables: { code_snapshots: 0, session_events: 0, interactions: 0, llm_calls: 0, reports: 0, sessions: 0 },
  jobs: 0, archive: 0, in: 0, ask: 0, dlq: 0, keys: [keys.ingest(sessionId)], memory: 0,
});

describe('DELETE /v1/sessions/{id}', () => {
  test('erases the session from Postgres, pg-boss, Redis and Chroma, closes its sockets, and leaves others alone', { timeout: 60_000 }, async () => {
    const a = await createSession();
    const b = await createSession();
    const sockA = await candidateSocket(a);
    const sockB = await candidateSocket(b);
    await writeCode(sockA, [1, 2]);
    await writeCode(sockB, [1]);
    await seed(a.id);
    await seed(b.id);

    const beforeA = await leftOf(a.id);
    assert.deepEqual(beforeA.tables, { code_snapshots: 2, session_events: 2, interactions: 1, llm_calls: 1, reports: 1, sessions: 1 });
    assert.deepEqual([beforeA.jobs, beforeA.archive, beforeA.in, beforeA.ask, beforeA.dlq, beforeA.memory], [1, 1, 2, 1, 1, 1]);
    assert.equal(beforeA.keys.length, 5, beforeA.keys.join());
    const beforeB = await leftOf(b.id);

    // Admin only.
    assertError(await http(gw.url, 'DELETE', `/v1/sessions/${a.id}`), 401, 'unauthorized');
    assertError(await http(gw.url, 'DELETE', `/v1/sessions/${a.id}`, a.interviewerToken), 403, 'forbidden');
    assertError(await http(gw.url, 'DELETE', `/v1/sessions/${a.id}`, a.candidateToken), 403, 'forbidden');
    assert.deepEqual((await leftOf(a.id)).tables, beforeA.tables, 'a refused DELETE erases nothing');

    const r = await http(gw.url, 'DELETE', `/v1/sessions/${a.id}`, ADMIN);
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.json, {
      id: a.id,
      erased: {
        postgres: { sessions: 1, code_snapshots: 2, session_events: 2, interactions: 1, llm_calls: 1, reports: 1 },
        jobs: { job: 1, archive: 1 },
        redis: { keys: 4, in: 2, ask: 1, dlq: 1 },
        chroma: 'erased',
        sockets: 1,
      },
    });

    // Nothing of A is left but the tombstone, which holds no content.
    assert.deepEqual(await leftOf(a.id), nothing(a.id));
    assert.deepEqual(await redis.hgetall(keys.ingest(a.id)), { closed: '1', erasure: 'done' });
    const ttl = await redis.ttl(keys.ingest(a.id));
    assert.ok(ttl >= 24 * 3600, `tombstone ttl ${ttl}`);

    // B is untouched.
    assert.deepEqual(await leftOf(b.id), beforeB);

    // A's socket was closed; B's stays open.
    const closed = await waitFor('the erased session socket to close', () => sockA.closed ?? undefined, 5000);
    assert.deepEqual(closed, { code: 4001, reason: 'session erased' });
    assert.equal(sockB.closed, null);
    assert.equal((await sockB.request({ type: 'code_update', id: 'b2', seq: 2, code: 'class B {}', language: 'java', ts: Date.now() })).type, 'ack');

    // A socket still holding A's valid token cannot write again.
    const again = await candidateSocket(a);
    for (const seq of [1, 3]) {
      const reply = await again.request({ type: 'code_update', id: `x${seq}`, seq, code: 'class Again {}', language: 'java', ts: Date.now() });
      assert.equal(reply.type, 'error');
      assert.equal(reply.code, 'session_closed');
    }
    assert.equal((await leftOf(a.id)).in, 0);

    // The session is gone for the API.
    assertError(await http(gw.url, 'GET', `/v1/sessions/${a.id}`, ADMIN), 404, 'not_found');
    assertError(await http(gw.url, 'GET', `/v1/sessions/${a.id}/report`, a.interviewerToken), 404, 'not_found');
    assertError(await http(gw.url, 'DELETE', `/v1/sessions/${a.id}`, ADMIN), 404, 'not_found');
    const list = await http(gw.url, 'GET', '/v1/sessions', ADMIN);
    assert.ok(!(list.json.sessions as { id: string }[]).some((s) => s.id === a.id));
  });

  test('404 for an unknown or malformed id', async () => {
    assertError(await http(gw.url, 'DELETE', '/v1/sessions/00000000-0000-4000-8000-000000000000', ADMIN), 404, 'not_found');
    assertError(await http(gw.url, 'DELETE', '/v1/sessions/not-a-uuid', ADMIN), 404, 'not_found');
    // The caller is checked before the id.
    assertError(await http(gw.url, 'DELETE', '/v1/sessions/not-a-uuid'), 401, 'unauthorized');
  });

  test('Chroma not answering: everything else is erased, 503 names what is left, and DELETE again finishes', { timeout: 60_000 }, async () => {
    // A second replica of the gateway, same Postgres and Redis, whose Chroma is down.
    const down = await t.replica({ CHROMA_URL: `http://127.0.0.1:${await freePort()}` });
    const c = await createSession();
    const sock = await candidateSocket(c);
    await writeCode(sock, [1]);
    await seed(c.id);

    for (let i = 0; i < 2; i++) {
      const r = await http(down.url, 'DELETE', `/v1/sessions/${c.id}`, ADMIN);
      assertError(r, 503, 'not_ready');
      assert.match(r.json.error.message, /NOT the session memory in Chroma/);
      const left = await leftOf(c.id);
      assert.deepEqual({ ...left, memory: 0 }, nothing(c.id), 'all but Chroma is erased');
      assert.equal(left.memory, 1, 'the memory is still in Chroma');
      assert.deepEqual(await redis.hgetall(keys.ingest(c.id)), { closed: '1', erasure: 'pending' });
    }
    // The socket was on the first gateway: the replica that erased could not close it, but it cannot write.
    const reply = await sock.request({ type: 'code_update', id: 'late', seq: 2, code: 'class Late {}', language: 'java', ts: Date.now() });
    assert.equal(reply.code, 'session_closed');

    // Through a gateway whose Chroma answers, the erasure completes; only then is the session unknown.
    const r = await http(gw.url, 'DELETE', `/v1/sessions/${c.id}`, ADMIN);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.erased.chroma, 'erased');
    assert.equal(r.json.erased.postgres.sessions, 0);
    assert.equal(r.json.erased.sockets, 1);
    assert.deepEqual(await leftOf(c.id), nothing(c.id));
    assertError(await http(gw.url, 'DELETE', `/v1/sessions/${c.id}`, ADMIN), 404, 'not_found');
    assertError(await http(down.url, 'DELETE', `/v1/sessions/${c.id}`, ADMIN), 404, 'not_found');
  });
});
