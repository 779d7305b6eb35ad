import { loadConfig } from '../../shared/config.ts';
import { GROUPS } from '../../shared/groups.ts';
import { createPool } from '../../shared/db/pool.ts';
import { startBoss } from '../../shared/jobs.ts';
import { createKeys } from '../../shared/keys.ts';
import { createLogger } from '../../shared/logger.ts';
import { runUntilSignal } from '../../shared/lifecycle.ts';
import { readinessOf } from '../../shared/readiness.ts';
import { healthPublisher } from '../../shared/health.ts';
import { createRedis } from '../../shared/redis.ts';
import { createServiceConsumer } from '../../shared/service.ts';
import { InEntry } from '../../shared/streams.ts';
import { handleBatch } from './handler.ts';
import { TipCache } from './tips.ts';
import { startTrimming } from './trim.ts';

const config = loadConfig();
const log = createLogger('snapshotter', config.LOG_LEVEL);

await runUntilSignal(log, async () => {
  const redis = createRedis(config.REDIS_URL, 'snapshotter');
  const db = createPool(config.DATABASE_URL, config.PG_POOL_MAX, 'snapshotter');
  const boss = await startBoss(config.DATABASE_URL, log);
  const keys = createKeys(config.REDIS_PREFIX);
  const tips = new TipCache();
  const consumer = createServiceConsumer(config, {
    redis, log, stream: keys.in, group: GROUPS.in.snapshotter, dlq: keys.dlq,
    decode: (f) => InEntry.parse(f),
    sessionOf: (e) => e.sessionId,
    handleBatch: (msgs) => handleBatch({ db, boss, log, tips }, msgs),
  });
  await consumer.start();
  const stopTrimming = startTrimming({ redis, keys, log }, config.TRIM_EVERY_MS);
  const health = healthPublisher(redis, keys.health, 'snapshotter');
  return {
    publish: health.publish,
    ready: readinessOf({ redis, db, consumers: [consumer] }),
    async stop() {
      stopTrimming();
      await consumer.stop();
      await boss.stop({ graceful: true, wait: true });
      await db.end();
      await health.withdraw();
      await redis.quit();
    },
  };
});
