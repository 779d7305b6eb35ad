import { randomBytes, randomInt } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { loadConfig, type Config } from '../../shared/config.ts';
import { dropDatabase, ensureDatabase, migrate } from '../../shared/db/migrate.ts';
import { createPool, type Pool } from '../../shared/db/pool.ts';
import { createKeys, type Keys } from '../../shared/keys.ts';
import { createLogger, type Logger } from '../../shared/logger.ts';

// Real Redis and PostgreSQL for tests: a random key prefix and a fresh database per test file,
// both removed at the end.

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PG_BASE = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function randomId(n = 6): string {
  return randomBytes(n).toString('hex');
}

export function testPrefix(): string {
  return `t${randomId()}`;
}

export function databaseUrlFor(name: string): string {
  const url = new URL(PG_BASE);
  url.pathname = `/${name}`;
  return url.toString();
}

export interface TestDb {
  url: string;
  pool: Pool;
  drop(): Promise<void>;
}

export async function freshDatabase(): Promise<TestDb> {
  const url = databaseUrlFor(`assess_test_${randomId()}`);
  await ensureDatabase(url);
  await migrate(url);
  const pool = createPool(url, 5, 'test');
  // DROP DATABASE ... WITH (FORCE) ends connections the pool has not closed yet: not an error here.
  pool.on('error', () => undefined);
  return {
    url,
    pool,
    async drop() {
      await pool.end();
      await dropDatabase(url);
    },
  };
}

export async function deleteByPrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== '0');
}

export interface TestRedis {
  redis: Redis;
  keys: Keys;
  prefix: string;
  cleanup(): Promise<void>;
}

export function testRedis(): TestRedis {
  const prefix = testPrefix();
  const redis = new Redis(REDIS_URL);
  return {
    redis,
    prefix,
    keys: createKeys(prefix),
    async cleanup() {
      await deleteByPrefix(redis, prefix);
      redis.disconnect();
    },
  };
}

export function testLogger(): Logger {
  return createLogger('test', process.env.TEST_LOG_LEVEL ?? 'silent');
}

export function testConfig(overrides: Record<string, string>): Config {
  return loadConfig({ ...process.env, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', ...overrides });
}

/** Can a server listen on `port` on every address right now? (A wildcard bind collides with any listener on the port.) */
function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', () => resolve(false));
    srv.listen(port, () => srv.close(() => resolve(true)));
  });
}

/** Linux hands out ephemeral ports (for bind(0) and for every outgoing connection) from this range. */
function ephemeralRange(): [number, number] {
  try {
    const [lo, hi] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    if (Number.isInteger(lo) && Number.isInteger(hi) && lo <= hi) return [lo, hi];
  } catch { /* not Linux */ }
  return [32768, 65535];
}

const CLAIMS = path.join(tmpdir(), 'live-assess-test-ports');
const CLAIM_TTL_MS = 10 * 60_000;
const handedOut = new Set<number>();

/** Claims `port` across test processes (files run in parallel) by creating a file exclusively; stale claims expire. */
function claim(port: number): boolean {
  const file = path.join(CLAIMS, String(port));
  try {
    mkdirSync(CLAIMS, { recursive: true });
    writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') return true; // no claims directory: the bind check alone
    try {
      if (Date.now() - statSync(file).mtimeMs < CLAIM_TTL_MS) return false;
      utimesSync(file, new Date(), new Date()); // take over an expired claim
      return true;
    } catch {
      return false;
    }
  }
}

/**
 * A port for a server that must be told its port in advance (a child process: a service, Chroma).
 * A server started in this process should listen on port 0 and report the port it got instead.
 *
 * Not a port from the kernel's ephemeral range: once we let go of such a port, any outgoing
 * connection (Redis, PostgreSQL, HTTP clients of a parallel test file) may take it before the
 * service binds. Below that range the kernel never assigns ports on its own, so a free port stays
 * free unless someone binds it explicitly; ports are claimed across parallel test processes and
 * never handed out twice by one process.
 */
export async function freePort(): Promise<number> {
  const [lo, hi] = ephemeralRange();
  const ranges = ([[20_000, lo - 1], [hi + 1, 65_535]] as [number, number][]).filter(([a, b]) => b - a >= 1000);
  for (let attempt = 0; attempt < 200 && ranges.length; attempt++) {
    const [a, b] = ranges[attempt % ranges.length];
    const port = a + randomInt(b - a + 1);
    if (handedOut.has(port) || !(await canListen(port)) || !claim(port)) continue;
    handedOut.add(port);
    return port;
  }
  // No room outside the ephemeral range: let the kernel pick (racy, but only on odd machines).
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const srv = createServer();
      srv.unref();
      srv.on('error', reject);
      srv.listen(0, '127.0.0.1', () => {
        const addr = srv.address();
        srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
      });
    });
    if (!handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
}

/** Polls until `check` returns a value other than undefined, or fails with `what` after the timeout. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined> | T | undefined, timeoutMs = 20_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
