import assert from 'node:assert/strict';
import { request } from 'node:http';
import { Redis } from 'ioredis';
import { startGateway, type Gateway } from '../../services/gateway/server.ts';
import type { Config } from '../../shared/config.ts';
import { createKeys, type Keys } from '../../shared/keys.ts';
import { deleteByPrefix, freePort, freshDatabase, REDIS_URL, testConfig, testLogger, testPrefix, type TestDb } from './env.ts';
import { TestSocket } from './ws-client.ts';

// The in-process gateway the gateway tests share: a fresh database, a random key prefix, sockets
// closed and everything removed at the end; and HTTP on connections closed after each request (a
// kept-alive connection would hold the test process open).

export interface Created { id: string; candidateToken: string; interviewerToken: string; wsUrl: string; expiresAt: string }

/** `json` is whatever the server sent: the assertions are the type check. */
export interface Reply { status: number; type: string; text: string; json: any; headers: Record<string, string | string[] | undefined> }

export interface TestGateway {
  db: TestDb;
  redis: Redis;
  prefix: string;
  keys: Keys;
  gw: Gateway;
  config: Config;
  adminKey: string;
  /** another replica on the same Redis and database */
  replica(overrides?: Record<string, string>): Promise<Gateway>;
  /** a socket that has had its welcome, closed at the end */
  connect(url: string, token: string, opts?: { lastEventId?: string }): Promise<TestSocket>;
  /** closes this socket at the end too */
  track(sock: TestSocket): TestSocket;
  createSession(body?: Record<string, unknown>, base?: string): Promise<Created>;
  stop(): Promise<void>;
}

export const SESSION_BODY = { candidate: { name: 'Ada', email: 'ada@example.com' }, problem: { title: 'Two sum', statement: 'Find two numbers.', language: 'python' } };

/** One request on its own connection; `chunked` sends the body without a length. */
export function httpRequest(url: string, method: string, opts: { token?: string; body?: string; chunked?: boolean; headers?: Record<string, string> } = {}): Promise<Reply> {
  const headers: Record<string, string | number> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    if (!opts.chunked) headers['content-length'] = Buffer.byteLength(opts.body);
  }
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (c: string) => (text += c)).on('end', () => {
        const type = String(res.headers['content-type'] ?? '');
        resolve({ status: res.statusCode ?? 0, type, text, json: type.includes('json') ? JSON.parse(text) : undefined, headers: res.headers });
      });
    });
    req.on('error', reject);
    if (opts.chunked && opts.body) for (let i = 0; i < opts.body.length; i += 1000) req.write(opts.body.slice(i, i + 1000));
    req.end(opts.chunked ? undefined : opts.body);
  });
}

export async function startTestGateway(adminKey: string, tokenSecret: string, overrides: Record<string, string> = {}): Promise<TestGateway> {
  const db = await freshDatabase();
  const redis = new Redis(REDIS_URL);
  const prefix = testPrefix();
  const gateways: Gateway[] = [];
  const sockets: TestSocket[] = [];
  const base = { DATABASE_URL: db.url, REDIS_PREFIX: prefix, HOST: '127.0.0.1', ADMIN_API_KEY: adminKey, TOKEN_SECRET: tokenSecret, ...overrides };
  const replica = async (more: Record<string, string> = {}) => {
    const g = await startGateway(testConfig({ ...base, PORT: String(await freePort()), ...more }), testLogger());
    gateways.push(g);
    return g;
  };
  const config = testConfig({ ...base, PORT: String(await freePort()) });
  const gw = await startGateway(config, testLogger());
  gateways.push(gw);
  return {
    db, redis, prefix, keys: createKeys(prefix), gw, config, adminKey, replica,
    async connect(url, token, opts = {}) {
      const sock = await TestSocket.connect(url, token, opts);
      sockets.push(sock);
      await sock.next((f) => f.type === 'welcome');
      return sock;
    },
    track(sock) {
      sockets.push(sock);
      return sock;
    },
    async createSession(body = SESSION_BODY, at = gw.url) {
      const r = await httpRequest(`${at}/v1/sessions`, 'POST', { token: adminKey, body: JSON.stringify(body) });
      assert.equal(r.status, 201, r.text);
      return r.json as Created;
    },
    async stop() {
      await Promise.all(sockets.map((s) => s.close()));
      for (const g of gateways) await g.stop();
      await deleteByPrefix(redis, prefix);
      await redis.quit();
      await db.drop();
    },
  };
}
