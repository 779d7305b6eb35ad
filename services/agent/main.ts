import { loadConfig } from '../../shared/config.ts';
import { createPool } from '../../shared/db/pool.ts';
import { GROUPS } from '../../shared/groups.ts';
import { createKeys } from '../../shared/keys.ts';
import { createLogger } from '../../shared/logger.ts';
import { runUntilSignal } from '../../shared/lifecycle.ts';
import { createRedis } from '../../shared/redis.ts';
import { startRetriever } from '../../shared/retrieval.ts';
import { createServiceConsumer } from '../../shared/service.ts';
import { AskEntry, InEntry } from '../../shared/streams.ts';
import { handleAnswer } from './answer.ts';
import { handleAsk } from './ask.ts';
import { createBrain } from './brain.ts';
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
  const common = { redis, log, dlq: keys.dlq, concurrency: 8 };
  // Questions and answers are separate streams: a slow model call on one never delays the other.
  const asks = createServiceConsumer(config, {
    ...common, stream: keys.ask, group: GROUPS.ask.agent,
    decode: (f) => AskEntry.parse(f),
    sessionOf: (e) => e.sessionId,
    handle: async (msg) => void (await handleAsk(deps, msg)),
  });
  const answers = createServiceConsumer(config, {
    ...common, stream: keys.in, group: GROUPS.in.agent,
    // Only answers matter here: the code updates (up to 256 KiB each, every keystroke) are not parsed.
    decode: (f) => (f.type === 'response_submitted' ? InEntry.parse(f) : null),
    sessionOf: (e) => e?.sessionId ?? '',
    handle: async (msg) => {
      if (msg.body) await handleAnswer(deps, { ...msg, body: msg.body });
    },
  });
  await Promise.all([asks.start(), answers.start()]);
  return {
    async stop() {
      await Promise.all([asks.stop(), answers.stop()]);
      await db.end();
      await redis.quit();
    },
  };
});
