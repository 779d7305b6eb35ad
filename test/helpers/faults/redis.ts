import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { freePort, waitFor } from '../env.ts';

// A private redis-server for fault tests: AOF on, fsync on every write, so whatever it acknowledged
// survives a restart. Restartable with the same directory and port (the AOF is replayed).

export interface PrivateRedis {
  url: string;
  port: number;
  dir: string;
  /** a clean shutdown (SIGTERM: Redis fsyncs and exits), then started again on the same dir */
  restart(): Promise<void>;
  stopped(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function privateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'faults-redis-'));
  const url = `redis://127.0.0.1:${port}`;
  let proc: ChildProcess | null = null;

  const answers = async () => {
    const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    r.on('error', () => undefined);
    try {
      await r.connect();
      // Not ready while it is still loading the AOF.
      return (await r.ping()) === 'PONG' ? true : undefined;
    } catch {
      return undefined;
    } finally {
      r.disconnect();
    }
  };

  async function start(): Promise<void> {
    proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--appendonly', 'yes', '--appendfsync', 'always',
      '--save', '', '--dir', dir, '--daemonize', 'no', '--loglevel', 'warning'], { stdio: 'ignore' });
    await waitFor('the private redis-server', answers, 20_000, 50);
  }

  async function stopped(): Promise<void> {
    const p = proc;
    proc = null;
    if (!p || p.exitCode !== null || p.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      p.once('exit', () => resolve());
      p.kill('SIGTERM');
    });
  }

  await start();
  return {
    url, port, dir, start, stopped,
    async restart() {
      await stopped();
      await start();
    },
    async close() {
      await stopped();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
