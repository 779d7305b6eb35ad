import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { createKeys, type Keys } from '../../../shared/keys.ts';
import { databaseUrlFor, freePort, freshDatabase, randomId, type TestDb } from '../env.ts';
import { pgProxy, type PgProxy } from './pgproxy.ts';
import { privateRedis, type PrivateRedis } from './redis.ts';

// The whole system as an operator runs it: `scripts/start.ts` (the supervising runner) against a
// private AOF Redis and a fresh database reached through a cuttable proxy. Tests read the runner's
// output to learn each service's pid and wait on its lines ("restarted", "ready again").

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const SERVICES = ['gateway', 'snapshotter', 'trigger', 'agent', 'reporter'] as const;
export type ServiceName = (typeof SERVICES)[number];

export interface System {
  base: string;
  admin: string;
  prefix: string;
  keys: Keys;
  db: TestDb;
  redis: Redis;
  store: PrivateRedis;
  proxy: PgProxy;
  lines: string[];
  /** the service's current pid, from the runner's lines */
  pid(name: ServiceName): number;
  /** resolves with the index of the first line from `from` on that matches */
  waitLine(re: RegExp, from?: number, timeoutMs?: number): Promise<number>;
  /** kill a service's process and wait until the runner restarted it and it is ready again */
  killAndRecover(name: ServiceName, signal?: NodeJS.Signals): Promise<void>;
  stop(): Promise<void>;
  tail(n?: number): string;
}

export async function startSystem(extraEnv: Record<string, string> = {}): Promise<System> {
  const store = await privateRedis();
  const db = await freshDatabase();
  const pgUrl = new URL(databaseUrlFor('x'));
  const proxy = await pgProxy({ host: pgUrl.hostname, port: Number(pgUrl.port || 5432) });
  const viaProxy = new URL(db.url);
  viaProxy.hostname = '127.0.0.1';
  viaProxy.port = String(proxy.port);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const admin = `admin-${randomId(12)}`;
  const prefix = `flt${randomId()}`;
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'start.ts')], {
    cwd: ROOT,
    env: {
      ...process.env, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: base, REDIS_URL: store.url, DATABASE_URL: viaProxy.toString(),
      REDIS_PREFIX: prefix, CHROMA_URL: 'off', ADMIN_API_KEY: admin, TOKEN_SECRET: `secret-${randomId(12)}`, LOG_LEVEL: 'warn',
      RUNNER_RESTART_DELAY_MS: '200', RUNNER_MAX_CRASHES: '20', RUNNER_CRASH_WINDOW_MS: '60000',
      TRIGGER_MIN_INTERVAL_SEC: '0', TRIGGER_QUIET_START_SEC: '0', TRIGGER_MIN_DIFF_LINES: '3', TRIGGER_SETTLE_SEC: '0',
      CONSUMER_CLAIM_IDLE_MS: '2000', CONSUMER_CLAIM_EVERY_MS: '500', REPORT_WAIT_FOR_GRADES_SEC: '10', TRIM_EVERY_MS: '1000',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const onData = (buf: Buffer) => {
    lines.push(...buf.toString().split('\n').filter(Boolean));
    for (const w of waiters) w();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  function waitLine(re: RegExp, from = 0, timeoutMs = 60_000): Promise<number> {
    return new Promise((resolve, reject) => {
      const check = () => {
        for (let i = from; i < lines.length; i++) {
          if (re.test(lines[i])) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(i);
            return;
          }
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no line matching ${re} in ${timeoutMs} ms; last lines:\n${lines.slice(-30).join('\n')}`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  }

  function pid(name: ServiceName): number {
    for (let i = lines.length - 1; i >= 0; i--) {
      const m = new RegExp(`\\b${name} (?:restarted )?\\(pid (\\d+)\\)`).exec(lines[i]);
      if (m) return Number(m[1]);
    }
    throw new Error(`no pid seen for ${name}`);
  }

  const redis = new Redis(store.url, { maxRetriesPerRequest: null });
  redis.on('error', () => undefined);
  const sys: System = {
    base, admin, prefix, keys: createKeys(prefix), db, redis, store, proxy, lines, pid, waitLine,
    async killAndRecover(name, signal = 'SIGKILL') {
      const from = lines.length;
      process.kill(pid(name), signal);
      await waitLine(new RegExp(`${name} restarted \\(pid \\d+\\)`), from, 60_000);
      await waitLine(new RegExp(`${name} is ready again`), from, 90_000);
    },
    async stop() {
      child.kill('SIGINT');
      await exited;
      redis.disconnect();
      await proxy.close();
      await store.close();
      await db.drop();
    },
    tail: (n = 60) => lines.slice(-n).join('\n'),
  };
  try {
    await sys.waitLine(/ready: open/, 0, 120_000);
  } catch (err) {
    await sys.stop().catch(() => undefined);
    throw err;
  }
  return sys;
}
