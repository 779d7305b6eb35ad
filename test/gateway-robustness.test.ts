import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, test } from 'node:test';
import { Redis } from 'ioredis';
import { startGateway, type Gateway } from '../services/gateway/server.ts';
import { createKeys } from '../shared/keys.ts';
import { emitOnce } from '../shared/out.ts';
import { deleteByPrefix, freePort, freshDatabase, REDIS_URL, testConfig, testLogger, testPrefix, type TestDb } from './helpers/env.ts';
import { TestSocket } from './helpers/ws-client.ts';

// Input that once took the gateway down or made it spin: a path that is not valid percent-encoding,
// a resume id from the future, a flood of frames faster than they can be stored.

const ADMIN = 'admin-key-for-robustness-0123456';
const prefix = testPrefix();
const keys = createKeys(prefix);
let db: TestDb;
let gw: Gateway;
let redis: Redis;

before(async () => {
  db = await freshDatabase();
  redis = new Redis(REDIS_URL);
  gw = await startGateway(testConfig({
    DATABASE_URL: db.url, REDIS_PREFIX: prefix, PORT: String(await freePort()), HOST: '127.0.0.1', ADMIN_API_KEY: ADMIN,
    TOKEN_SECRET: 'token-secret-for-robustness-01234', WS_RATE_PER_SEC: '100000', WS_RATE_BURST: '100000',
  }), testLogger());
});
after(async () => {
  await gw?.stop();
  await deleteByPrefix(redis, prefix);
  redis.disconnect();
  await db?.drop();
});

function get(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${gw.url}${path}`, { agent: false }, (res) => (res.resume(), resolve(res.statusCode ?? 0)));
    req.on('error', reject);
    req.end();
  });
}

async function session(): Promise<{ id: string; candidateToken: string; wsUrl: string }> {
  const res = await fetch(`${gw.url}/v1/sessions`, {
    method: 'POST', headers: { authorization: `Bearer ${ADMIN}`, connection: 'close' },
    body: JSON.stringify({ candidate: { name: 'R' }, problem: { title: 't', language: 'go' } }),
  });
  return (await res.json()) as { id: string; candidateToken: string; wsUrl: string };
}

test('a path that is not valid percent-encoding gets 404 and the gateway keeps serving', async () => {
  assert.equal(await get('/v1/sessions/%E0%A4%A'), 404);
  assert.equal(await get('/v1/sessions/%E0%A4%A/code?seq=1'), 404);
  assert.equal(await get('/healthz'), 200);
});

test('a resume id from the future neither stalls the session nor its other sockets', async () => {
  const s = await session();
  await emitOnce({ redis, keys }, s.id, 'a', 'error', { code: 'internal', message: 'first' });
  const future = await TestSocket.connect(s.wsUrl, s.candidateToken, { lastEventId: '99999999999999-0' });
  const plain = await TestSocket.connect(s.wsUrl, s.candidateToken);
  await plain.next((f) => f.type === 'error' && f.message === 'first', 5000);
  await emitOnce({ redis, keys }, s.id, 'b', 'error', { code: 'internal', message: 'second' });
  for (const ws of [future, plain]) await ws.next((f) => f.type === 'error' && f.message === 'second', 5000);
  await future.close();
  await plain.close();
});

test('a flood of frames is answered, never queued without bound', async () => {
  const s = await session();
  const ws = await TestSocket.connect(s.wsUrl, s.candidateToken);
  const big = 'x'.repeat(200_000);
  for (let seq = 1; seq <= 300; seq++) ws.send({ type: 'code_update', id: `f${seq}`, seq, code: big, language: 'go', ts: 0 });
  // Every frame gets an answer: an ack, or rate_limited once too many await theirs.
  const answered = () => ws.frames.filter((f) => (f.type === 'ack' || f.type === 'error') && typeof f.id === 'string' && f.id.startsWith('f')).length;
  const deadline = Date.now() + 60_000;
  while (answered() < 300 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  assert.equal(answered(), 300);
  const limited = ws.frames.filter((f) => f.type === 'error' && f.code === 'rate_limited').length;
  const acked = ws.frames.filter((f) => f.type === 'ack').length;
  assert.equal(acked + limited, 300);
  assert.equal(await redis.xlen(keys.in), acked, 'only acked frames were written');
  await ws.close();
});
