import { loadKnowledgeBase } from '../../kb/schema.ts';
import { loadConfig, type Config } from '../../shared/config.ts';
import { createPool } from '../../shared/db/pool.ts';
import { embedderFromConfig } from '../../shared/embedding.ts';
import { createKeys } from '../../shared/keys.ts';
import { createLogger, type Logger } from '../../shared/logger.ts';
import { runUntilSignal } from '../../shared/lifecycle.ts';
import { createRedis } from '../../shared/redis.ts';
import { createRetriever, type Retriever } from '../../shared/retrieval.ts';
import { createServiceConsumer } from '../../shared/service.ts';
import { AskEntry, InEntry } from '../../shared/streams.ts';
import { handleAnswer } from './answer.ts';
import { handleAsk } from './ask.ts';
import { createBrain } from './brain.ts';
import type { AgentDeps } from './context.ts';

const config = loadConfig();
const log = createLogger('agent', config.LOG_LEVEL);

/** Retrieval is optional: without Chroma the agent still asks and grades, from the analysis alone. */
async function startRetriever(c: Config, logger: Logger): Promise<Retriever | null> {
  if (!c.CHROMA_URL) {
    logger.warn('CHROMA_URL is not set: questions and grades go without retrieval');
    return null;
  }
  const { embedder, reason } = embedderFromConfig(c);
  logger.info({ embedder: embedder.id, reason }, 'embedding model');
  const retriever = createRetriever({ chromaUrl: c.CHROMA_URL, embedder, prefix: c.REDIS_PREFIX });
  try {
    await retriever.ensureCollections();
    const loaded = await retriever.loadKnowledgeBase(await loadKnowledgeBase());
    logger.info({ ...loaded, collections: retriever.collections }, 'knowledge base ready');
  } catch (err) {
    logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'knowledge base not loaded; retrying on each call');
  }
  return retriever;
}

await runUntilSignal(log, async () => {
  const redis = createRedis(config.REDIS_URL, 'agent');
  const db = createPool(config.DATABASE_URL, config.PG_POOL_MAX, 'agent');
  const keys = createKeys(config.REDIS_PREFIX);
  const deps: AgentDeps = {
    redis, keys, db, log, brain: createBrain(config), retriever: await startRetriever(config, log), memory: { redis, keys },
  };
  log.info({ provider: deps.brain.name, model: deps.brain.model }, 'agent brain');
  const common = { redis, log, group: 'agent', dlq: keys.dlq, concurrency: 8 };
  // Questions and answers are separate streams: a slow model call on one never delays the other.
  const asks = createServiceConsumer(config, {
    ...common, stream: keys.ask,
    decode: (f) => AskEntry.parse(f),
    sessionOf: (e) => e.sessionId,
    handle: async (msg) => void (await handleAsk(deps, msg)),
  });
  const answers = createServiceConsumer(config, {
    ...common, stream: keys.in,
    decode: (f) => InEntry.parse(f),
    sessionOf: (e) => e.sessionId,
    handle: (msg) => handleAnswer(deps, msg),
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
