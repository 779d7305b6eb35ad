import { after, before } from 'node:test';
import { Redis } from 'ioredis';
import type { StreamMessage } from '../../shared/consumer.ts';
import type { InEntry } from '../../shared/streams.ts';
import type { TriggerDeps } from '../../services/trigger/handler.ts';
import type { TriggerSettings } from '../../services/trigger/settings.ts';
import { REDIS_URL, testLogger, testRedis, type TestRedis } from './env.ts';

/**
 * The trigger against real Redis, for a test file: a random prefix, deps whose settings the test
 * reads at each decision, more replicas on their own connections, and P:in entries as the consumer
 * runtime hands them over (ids unique within the file).
 */
export function triggerOnRedis(settings: () => TriggerSettings) {
  let tr: TestRedis;
  let deps: TriggerDeps;
  const extra: Redis[] = [];
  let n = 0;
  before(() => {
    tr = testRedis();
    deps = { redis: tr.redis, keys: tr.keys, stateTtlSec: 3600, log: testLogger(), settings: async () => settings() };
  });
  after(async () => {
    for (const r of extra) r.disconnect();
    await tr.cleanup();
  });
  return {
    get tr(): TestRedis { return tr; },
    get deps(): TriggerDeps { return deps; },
    /** Another trigger replica: same keys, its own connection. */
    replica(): TriggerDeps {
      const redis = new Redis(REDIS_URL);
      extra.push(redis);
      return { ...deps, redis };
    },
    entry(sessionId: string, role: InEntry['role'], frame: InEntry['frame'], at: number): StreamMessage<InEntry> {
      n++;
      return { id: `${at}-${n}`, stream: tr.keys.in, fields: {}, body: { sessionId, role, type: frame.type, frame, at } as InEntry };
    },
  };
}
