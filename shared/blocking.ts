import type { Redis } from 'ioredis';
import type { Logger } from './logger.ts';
import { createBlockingRedis } from './redis.ts';

// A dedicated connection for blocking stream reads (XREAD/XREADGROUP BLOCK), with a watchdog:
// a read that hangs past BLOCK plus a grace (a half-open TCP connection) gets its connection
// replaced, and `unblock` ends a blocked read at once for a fast, clean stop.

const WATCHDOG_GRACE_MS = 10_000;

export interface BlockingReader {
  read(command: 'XREAD' | 'XREADGROUP', args: (string | number)[]): Promise<unknown>;
  unblock(): Promise<void>;
  close(): Promise<void>;
}

export function createBlockingReader(base: Redis, name: string, blockMs: number, log: Logger): BlockingReader {
  let client: Redis | null = null;
  let clientId: number | null = null;

  return {
    async read(command, args) {
      if (!client) {
        client = createBlockingRedis(base, name);
        clientId = Number(await client.client('ID'));
      }
      const current = client;
      const timer = setTimeout(() => {
        log.warn({ blockMs }, 'blocking read overdue; replacing its connection');
        if (client === current) client = clientId = null;
        current.disconnect();
      }, blockMs + WATCHDOG_GRACE_MS);
      try {
        return await current.call(command, ...args.map(String));
      } finally {
        clearTimeout(timer);
      }
    },
    async unblock() {
      if (clientId !== null) await base.client('UNBLOCK', clientId).catch(() => undefined);
    },
    async close() {
      const c = client;
      client = clientId = null;
      await c?.quit().catch(() => c.disconnect());
    },
  };
}
