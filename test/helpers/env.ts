import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
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

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
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
