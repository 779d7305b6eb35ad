import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Redis } from 'ioredis';
import type { Gateway } from '../services/gateway/server.ts';
import type { Keys } from '../shared/keys.ts';
import { emitOnce } from '../shared/out.ts';
import { httpRequest, startTestGateway, type TestGateway } from './helpers/gateway.ts';
import { TestSocket } from './helpers/ws-client.ts';
import { waitFor } from './helpers/env.ts';

// Input that once took the gateway down or made it spin: a path that is not valid percent-encoding,
// a resume id from the future, a flood of frames faster than they can be stored.

const ADMIN = 'admin-key-for-robustness-0123456';
let t: TestGateway;
let gw: Gateway;
let redis: Redis;
let keys: Keys;

before(async () => {
  t = await startTestGateway(ADMIN, 'token-secret-for-robustness-01234', { WS_RATE_PER_SEC: '100000', WS_RATE_BURST: '100000' });
  ({ gw, redis, keys } = t);
});
after(() => t?.stop());

const get = async (path: string) => (await httpRequest(`${gw.url}${path}`, 'GET')).status;
const session = () => t.createSession();

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
  await waitFor('every frame answered', () => (answered() === 300 ? true : undefined), 60_000);
  const limited = ws.frames.filter((f) => f.type === 'error' && f.code === 'rate_limited').length;
  const acked = ws.frames.filter((f) => f.type === 'ack').length;
  assert.equal(acked + limited, 300);
  assert.equal(await redis.xlen(keys.in), acked, 'only acked frames were written');
  await ws.close();
});
