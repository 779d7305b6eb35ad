import { loadConfig, sessionStateTtlSec } from '../../shared/config.ts';
import { createPool } from '../../shared/db/pool.ts';
import { GROUPS } from '../../shared/groups.ts';
import { createKeys } from '../../shared/keys.ts';
import { createLogger } from '../../shared/logger.ts';
import { runUntilSignal } from '../../shared/lifecycle.ts';
import { readinessOf } from '../../shared/readiness.ts';
import { healthPublisher } from '../../shared/health.ts';
import { createRedis } from '../../shared/redis.ts';
import { createServiceConsumer } from '../../shared/service.ts';
import { InEntry } from '../../shared/streams.ts';
import { createDecisionArchive } from './archive.ts';
import { handleSession } from './session.ts';
import { startScanner } from './scanner.ts';
import { defaultSettings, settingsLoader } from './settings.ts';

const config = loadConfig();
const log = createLogger('trigger', config.LOG_LEVEL);

await runUntilSignal(log, async () => {
  const redis = createRedis(config.REDIS_URL, 'trigger');
  const db = createPool(config.DATABASE_URL, 4, 'trigger');
  const keys = createKeys(config.REDIS_PREFIX);
  const deps = {
    redis, keys, log,
    stateTtlSec: sessionStateTtlSec(config),
    settings: settingsLoader(db, defaultSettings(config)),
    archive: createDecisionArchive(db, log),
  };
  const consumer = createServiceConsumer(config, {
    redis, log, stream: keys.in, group: GROUPS.in.trigger, dlq: keys.dlq,
    decode: (f) => InEntry.parse(f),
    sessionOf: (e) => e.sessionId,
    concurrency: 8,
    window: config.TRIGGER_WINDOW,
    // A session's queued entries together: only its newest code update is analysed (session.ts).
    handleSession: (msgs) => handleSession(deps, msgs),
  });
  await consumer.start();
  const scanner = startScanner({ redis, keys, log }, config.TRIGGER_TICK_EVERY_MS);
  const health = healthPublisher(redis, keys.health, 'trigger');
  return {
    publish: health.publish,
    ready: readinessOf({ redis, db, consumers: [consumer] }),
    async stop() {
      await scanner.stop();
      await consumer.stop();
      await db.end();
      await health.withdraw();
      await redis.quit();
    },
  };
});
