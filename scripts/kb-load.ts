// Usage: npm run kb:load
// Loads the shipped knowledge base (kb/*.json) into Chroma, idempotently: a second run with the same
// files and the same embedder writes nothing. Env: CHROMA_URL (default http://127.0.0.1:$CHROMA_PORT),
// REDIS_PREFIX (collection prefix), EMBEDDING_PROVIDER=openai + OPENAI_API_KEY for OpenAI embeddings
// (EMBEDDING_MODEL, OPENAI_BASE_URL), EMBEDDING_DIMENSIONS (read from the environment) for the size.
import { chunkArea, loadKnowledgeBase } from '../kb/schema.ts';
import { loadConfig } from '../shared/config.ts';
import { embedderFromConfig } from '../shared/embedding.ts';
import { createRetriever } from '../shared/retrieval.ts';
import { chromaAnswers } from './chroma/runtime.ts';

function fail(message: string): never {
  console.error(`kb:load: ${message.split('\n')[0]}`);
  process.exit(1);
}

async function main(): Promise<void> {
  const started = Date.now();
  const oneLine = (err: unknown): string => (err instanceof Error ? err.message : String(err)).replace(/\n\s*/g, ' ');
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    fail(oneLine(err));
  }
  const chromaUrl = config.CHROMA_URL || `http://127.0.0.1:${config.CHROMA_PORT}`;
  if (!(await chromaAnswers(chromaUrl))) {
    fail(`Chroma does not answer at ${chromaUrl} (start it with npm run chroma, or set CHROMA_URL)`);
  }

  const chunks = await loadKnowledgeBase().catch((err: unknown) => fail(oneLine(err)));
  const { embedder, reason } = embedderFromConfig(config);
  const retriever = createRetriever({ chromaUrl, embedder, prefix: config.REDIS_PREFIX });
  try {
    await retriever.ensureCollections();
    const result = await retriever.loadKnowledgeBase(chunks);
    const areas = new Map<string, number>();
    for (const c of chunks) areas.set(chunkArea(c.id), (areas.get(chunkArea(c.id)) ?? 0) + 1);
    console.log(`embedder: ${reason}`);
    console.log(`collections: ${retriever.collections.kb}, ${retriever.collections.mem}`);
    console.log(`chunks: ${chunks.length} in ${areas.size} files (${[...areas].map(([a, n]) => `${a} ${n}`).join(', ')})`);
    console.log(result.skipped
      ? `unchanged: 0 upserted (content hash matches), ${result.total} stored`
      : `loaded: ${result.upserted} upserted, ${result.deleted} stale removed, ${result.total} stored`);
    console.log(`done in ${Date.now() - started} ms`);
  } catch (err) {
    fail(`loading into ${chromaUrl} failed: ${oneLine(err)}`);
  }
}

await main();
