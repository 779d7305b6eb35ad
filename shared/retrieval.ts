import { createHash } from 'node:crypto';
import { ChromaClient, type Collection, type Metadata, type Where } from 'chromadb';
import type { KbChunk } from '../kb/schema.ts';
import type { Config } from './config.ts';
import { embedderFromConfig, type Embedder } from './embedding.ts';
import type { Logger } from './logger.ts';
import { loadKnowledgeBase } from '../kb/schema.ts';

// Retrieval for the agent: the shipped knowledge base (rubrics, concepts) and the session's own
// earlier questions and answers, both in Chroma with vectors computed here (no server-side
// embedding). One pair of collections per embedding model, so switching models never mixes vectors.

/** A chunk of the knowledge base or of the session's own history, as retrieved from Chroma. */
export interface RetrievedChunk {
  id: string;
  text: string;
  metadata: Record<string, string | number | boolean>;
}

export interface Interaction {
  id: string;
  question: string;
  /** candidate text: untrusted, stored as is and only ever quoted inside marked blocks */
  answer?: string;
  topic: string;
  score?: number;
}

export interface LoadResult {
  upserted: number;
  deleted: number;
  total: number;
  /** true when the stored content hash matched and nothing was written */
  skipped: boolean;
}

export interface Retriever {
  readonly collections: { kb: string; mem: string };
  ensureCollections(): Promise<void>;
  loadKnowledgeBase(chunks: readonly KbChunk[]): Promise<LoadResult>;
  searchKnowledge(query: string, opts?: { topic?: string; k?: number }): Promise<RetrievedChunk[]>;
  rememberInteraction(sessionId: string, interaction: Interaction): Promise<void>;
  searchSession(sessionId: string, query: string, k?: number): Promise<RetrievedChunk[]>;
  forgetSession(sessionId: string): Promise<void>;
  /** deletes both collections (tests, re-indexing) */
  dropCollections(): Promise<void>;
}

export interface RetrieverOptions {
  chromaUrl: string;
  embedder: Embedder;
  prefix: string;
  log?: (line: string) => void;
}

/** Bump when the stored document or metadata layout changes: forces a reload of the KB. */
const KB_FORMAT = 1;
const UPSERT_BATCH = 64;
const MAX_K = 50;
const MAX_MEMORY_FIELD = 4000;

/** A valid Chroma collection name: [a-zA-Z0-9._-], 3–512 chars, alphanumeric at both ends, no "..". */
export function collectionName(...parts: string[]): string {
  let name = parts
    .map((p) => p.replace(/[^a-zA-Z0-9._-]+/g, '-').replace(/^-+|-+$/g, ''))
    .filter(Boolean)
    .join('-')
    .replace(/\.{2,}/g, '.');
  name = name.replace(/^[^a-zA-Z0-9]+|[^a-zA-Z0-9]+$/g, '');
  if (name.length > 512) {
    const digest = createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 16);
    name = `${name.slice(0, 512 - 17).replace(/[^a-zA-Z0-9]+$/, '')}-${digest}`;
  }
  while (name.length < 3) name += 'x';
  return name;
}

export function parseChromaUrl(url: string): { host: string; port: number; ssl: boolean } {
  const u = new URL(url);
  const ssl = u.protocol === 'https:';
  return { host: u.hostname.replace(/^\[|\]$/g, ''), port: Number(u.port || (ssl ? 443 : 80)), ssl };
}

/** The text a KB chunk is embedded from: title, body, concept words and misconception claims. */
export function chunkEmbeddingText(chunk: KbChunk): string {
  const concepts = chunk.concepts.map((c) => [c.name, ...c.synonyms].join(', ')).join('; ');
  const claims = (chunk.misconceptions ?? []).map((m) => m.claim).join('; ');
  return [chunk.title, chunk.title, chunk.text, `Concepts: ${concepts}.`, claims ? `Common mistakes: ${claims}.` : '']
    .filter(Boolean)
    .join('\n');
}

export function knowledgeBaseHash(chunks: readonly KbChunk[], embedderId: string): string {
  const sorted = [...chunks].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return createHash('sha256').update(JSON.stringify({ format: KB_FORMAT, embedder: embedderId, chunks: sorted })).digest('hex');
}

function chunkMetadata(chunk: KbChunk): Metadata {
  return {
    kind: 'kb',
    chunkId: chunk.id,
    area: chunk.id.slice(0, chunk.id.indexOf('.')),
    topic: chunk.topic,
    title: chunk.title,
    concepts: JSON.stringify(chunk.concepts),
    misconceptions: JSON.stringify(chunk.misconceptions ?? []),
  };
}

function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

function clampK(k: number | undefined, def: number): number {
  const n = Math.floor(k ?? def);
  return Number.isFinite(n) ? Math.min(Math.max(n, 1), MAX_K) : def;
}

/** Chroma metadata values may be arrays or null; RetrievedChunk carries scalars only. */
function scalarMetadata(meta: Metadata | null | undefined): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(meta ?? {})) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out[key] = value;
  }
  return out;
}

export function createRetriever(opts: RetrieverOptions): Retriever {
  const { embedder } = opts;
  const log = opts.log ?? (() => {});
  const client = new ChromaClient(parseChromaUrl(opts.chromaUrl));
  const names = {
    kb: collectionName(opts.prefix, 'kb', embedder.id),
    mem: collectionName(opts.prefix, 'mem', embedder.id),
  };
  let kbCollection: Promise<Collection> | undefined;
  let memCollection: Promise<Collection> | undefined;

  const open = (name: string, kind: string): Promise<Collection> =>
    client.getOrCreateCollection({
      name,
      // null, not undefined: otherwise the client reaches for a default (downloaded) embedding model
      embeddingFunction: null,
      configuration: { hnsw: { space: 'cosine' } },
      metadata: { kind, embedder: embedder.id, dimensions: embedder.dimensions },
    });
  // A failed open is not cached, so the next call retries (Chroma may come up later).
  const kb = (): Promise<Collection> =>
    (kbCollection ??= open(names.kb, 'kb').catch((err: unknown) => { kbCollection = undefined; throw err; }));
  const mem = (): Promise<Collection> =>
    (memCollection ??= open(names.mem, 'memory').catch((err: unknown) => { memCollection = undefined; throw err; }));

  async function embed(texts: string[]): Promise<number[][]> {
    const vectors = await embedder.embed(texts);
    if (vectors.length !== texts.length) throw new Error(`embedder ${embedder.id} returned ${vectors.length} vectors for ${texts.length} texts`);
    for (const v of vectors) {
      if (embedder.dimensions > 0 && v.length !== embedder.dimensions) {
        throw new Error(`embedder ${embedder.id} returned ${v.length} dimensions, expected ${embedder.dimensions}`);
      }
    }
    return vectors;
  }

  async function query(collection: Collection, text: string, k: number, where: Where | undefined): Promise<RetrievedChunk[]> {
    const [vector] = await embed([text]);
    const res = await collection.query({
      queryEmbeddings: [vector!],
      nResults: k,
      ...(where ? { where } : {}),
      include: ['documents', 'metadatas', 'distances'],
    });
    const ids = res.ids[0] ?? [];
    return ids.map((id, i) => {
      const metadata = scalarMetadata(res.metadatas[0]?.[i]);
      const distance = res.distances[0]?.[i];
      if (typeof distance === 'number') metadata.distance = Number(distance.toFixed(6));
      const ownId = metadata.chunkId ?? metadata.interactionId;
      return { id: typeof ownId === 'string' ? ownId : id, text: res.documents[0]?.[i] ?? '', metadata };
    });
  }

  return {
    collections: names,

    async ensureCollections() {
      await Promise.all([kb(), mem()]);
    },

    async loadKnowledgeBase(chunks) {
      const hash = knowledgeBaseHash(chunks, embedder.id);
      // Re-read the collection so its metadata is the stored one, not a handle cached before a load.
      kbCollection = undefined;
      const collection = await kb();
      const stored = collection.metadata?.kb_hash;
      if (stored === hash && (await collection.count()) === chunks.length) {
        log(`knowledge base unchanged in ${names.kb} (${chunks.length} chunks, hash ${hash.slice(0, 12)})`);
        return { upserted: 0, deleted: 0, total: chunks.length, skipped: true };
      }
      for (let i = 0; i < chunks.length; i += UPSERT_BATCH) {
        const batch = chunks.slice(i, i + UPSERT_BATCH);
        await collection.upsert({
          ids: batch.map((c) => c.id),
          embeddings: await embed(batch.map(chunkEmbeddingText)),
          documents: batch.map((c) => c.text),
          metadatas: batch.map(chunkMetadata),
        });
      }
      // Chunks removed from the shipped files must not keep answering queries.
      const wanted = new Set(chunks.map((c) => c.id));
      const existing = await collection.get({ include: [] });
      const stale = existing.ids.filter((id) => !wanted.has(id));
      if (stale.length) await collection.delete({ ids: stale });
      await collection.modify({
        metadata: { ...(collection.metadata ?? {}), kb_hash: hash, kb_count: chunks.length, kb_loaded_at: new Date().toISOString() },
      });
      kbCollection = undefined;
      log(`knowledge base loaded into ${names.kb}: ${chunks.length} upserted, ${stale.length} stale removed`);
      return { upserted: chunks.length, deleted: stale.length, total: chunks.length, skipped: false };
    },

    async searchKnowledge(text, searchOpts = {}) {
      const where: Where | undefined = searchOpts.topic ? { topic: searchOpts.topic } : undefined;
      return query(await kb(), text, clampK(searchOpts.k, 4), where);
    },

    async rememberInteraction(sessionId, interaction) {
      const question = truncate(interaction.question, MAX_MEMORY_FIELD);
      const answer = interaction.answer === undefined ? undefined : truncate(interaction.answer, MAX_MEMORY_FIELD);
      const document = answer === undefined ? `Question: ${question}` : `Question: ${question}\nAnswer: ${answer}`;
      const metadata: Metadata = {
        kind: 'memory',
        sessionId,
        interactionId: interaction.id,
        topic: interaction.topic,
        answered: answer !== undefined,
        at: new Date().toISOString(),
      };
      if (typeof interaction.score === 'number' && Number.isFinite(interaction.score)) metadata.score = interaction.score;
      const [vector] = await embed([document]);
      // Upsert: asking and then grading the same interaction updates one record.
      await (await mem()).upsert({
        ids: [`${sessionId}:${interaction.id}`],
        embeddings: [vector!],
        documents: [document],
        metadatas: [metadata],
      });
    },

    async searchSession(sessionId, text, k) {
      return query(await mem(), text, clampK(k, 3), { sessionId });
    },

    async forgetSession(sessionId) {
      await (await mem()).delete({ where: { sessionId } });
    },

    async dropCollections() {
      kbCollection = undefined;
      memCollection = undefined;
      for (const name of [names.kb, names.mem]) {
        try {
          await client.deleteCollection({ name });
        } catch (err) {
          // already gone is fine; anything else (Chroma down) is not
          if (!/not.?found|does not exist/i.test(err instanceof Error ? `${err.name} ${err.message}` : String(err))) throw err;
        }
      }
    },
  };
}

/** Retrieval is optional: without Chroma the agent still asks and grades, from the analysis alone. */
export async function startRetriever(c: Config, logger: Logger): Promise<Retriever | null> {
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
