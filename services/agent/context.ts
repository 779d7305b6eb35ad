import type { Logger } from '../../shared/logger.ts';
import type { Retriever } from '../../shared/retrieval.ts';
import type { Queryable } from '../../shared/db/pool.ts';
import type { OutDeps } from '../../shared/out.ts';
import type { MemoryDeps } from './memory.ts';
import type { RetrievedChunk } from './provider.ts';
import type { ResilientProvider } from './resilience.ts';

export interface AgentDeps extends OutDeps {
  db: Queryable;
  log: Logger;
  brain: ResilientProvider;
  retriever: Retriever | null;
  memory: MemoryDeps;
}

/**
 * The session has ended: the gateway (or the API, or the expiry sweep) accepted end_session, and
 * ingest-batch.lua set this flag in the same step as it wrote session_ended. Nothing is asked after it.
 */
export async function sessionClosed(deps: AgentDeps, sessionId: string): Promise<boolean> {
  return (await deps.redis.hget(deps.keys.ingest(sessionId), 'closed')) === '1';
}

/**
 * Knowledge-base chunks for the topic plus the session's own earlier exchanges. Retrieval informs a
 * question or a grade but never blocks one: with Chroma down the call goes ahead without it.
 */
export async function retrieve(deps: AgentDeps, sessionId: string, query: string, topic: string | null): Promise<RetrievedChunk[]> {
  if (!deps.retriever) return [];
  // Each source on its own: Chroma can fail on one collection (a session memory just created, whose
  // index is not on disk yet) while the knowledge base answers.
  const sources = await Promise.allSettled([
    deps.retriever.searchKnowledge(query, { topic: topic ?? undefined, k: 4 }),
    deps.retriever.searchSession(sessionId, query, 2),
  ]);
  const chunks: RetrievedChunk[] = [];
  sources.forEach((r, i) => {
    if (r.status === 'fulfilled') chunks.push(...r.value);
    else deps.log.warn({ sessionId, source: i === 0 ? 'knowledge base' : 'session memory', err: r.reason instanceof Error ? r.reason.message : String(r.reason) }, 'retrieval unavailable; continuing without it');
  });
  return chunks;
}

/** Best effort: the session memory in Chroma is context for later calls, not a record. */
export async function remember(deps: AgentDeps, sessionId: string, item: Parameters<Retriever['rememberInteraction']>[1]): Promise<void> {
  if (!deps.retriever) return;
  await deps.retriever.rememberInteraction(sessionId, item).catch((err: unknown) => {
    deps.log.warn({ sessionId, err: err instanceof Error ? err.message : String(err) }, 'could not store session memory');
  });
}
