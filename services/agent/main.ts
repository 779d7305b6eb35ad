import { loadConfig } from '../../shared/config.ts';
import { createPool } from '../../shared/db/pool.ts';
import { createKeys } from '../../shared/keys.ts';
import { createLogger } from '../../shared/logger.ts';
import { runUntilSignal } from '../../shared/lifecycle.ts';
import { readinessOf } from '../../shared/readiness.ts';
import { healthPublisher } from '../../shared/health.ts';
import { createRedis } from '../../shared/redis.ts';
import { startRetriever } from '../../shared/retrieval.ts';
import { createBrain } from './brain.ts';
import { createAgentConsumers } from './consumers.ts';
import type { AgentDeps } from './context.ts';

const config = loadConfig();
const log = createLogger('agent', config.LOG_LEVEL);

await runUntilSignal(log, async () => {
  const redis = createRedis(config.REDIS_URL, 'agent');
  const db = createPool(config.DATABASE_URL, config.PG_POOL_MAX, 'agent');
  const keys = createKeys(config.REDIS_PREFIX);
  const deps: AgentDeps = {
    redis, keys, db, log, brain: createBrain(config), retriever: await startRetriever(config, log), memory: { redis, keys },
  };
  log.info({ provider: deps.brain.name, model: deps.brain.model }, 'agent brain');
  const { asks, answers } = createAgentConsumers(config, deps);
  await Promise.all([asks.start(), answers.start()]);
  const health = healthPublisher(redis, keys.health, 'agent');
  return {
    publish: health.publish,
    ready: readinessOf({ redis, db, consumers: [asks, answers] }),
    async stop() {
      await Promise.all([asks.stop(), answers.stop()]);
      await db.end();
      await health.withdraw();
      await redis.quit();
    },
  };
});
