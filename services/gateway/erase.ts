import type { Redis } from 'ioredis';
import type { Config } from '../../shared/config.ts';
import type { Pool } from '../../shared/db/pool.ts';
import { withTransaction } from '../../shared/db/pool.ts';
import { embedderFromConfig } from '../../shared/embedding.ts';
import { AppError } from '../../shared/errors.ts';
import type { Keys } from '../../shared/keys.ts';
import type { Logger } from '../../shared/logger.ts';
import { createRetriever, type Retriever } from '../../shared/retrieval.ts';
import { fieldsToRecord } from '../../shared/streams.ts';

// DELETE /v1/sessions/{id} (DESIGN.md section 4): erase a session everywhere it left something.
//
// Order, and why:
//  1. The ingest hash becomes a tombstone (`closed=1`, `erasure=pending`) first, atomically with the
//     deletion of its seq bookkeeping, so no socket (here or on another replica) can write a new
//     P:in entry while the rest is erased: a frame gets `session_closed`.
//  2. This gateway's sockets of the session are closed.
//  3. The session's entries in P:in, P:ask and P:dlq are deleted (consumers ack entries that vanished
//     while pending), then the per-session keys. Done before Postgres so a consumer that has not yet
//     read an entry finds nothing to write back.
//  4. Postgres, in one transaction: the session row (every child table cascades) and the pg-boss jobs
//     whose payload names the session, in `pgboss.job` and `pgboss.archive` where they exist.
//  5. Chroma: the session's memory. If Chroma does not answer, everything else is still erased and
//     the call fails with 503 not_ready naming what is left; the tombstone keeps `erasure=pending`,
//     so calling DELETE again (even though the session row is gone) finishes the job.
//  6. The per-session keys are swept once more (a consumer mid-message may have recreated one), and
//     the tombstone is marked `erasure=done`; from then on the session is unknown (404).
//
// Nothing of the session's content is logged: only its id and the counts.

export interface PostgresCounts {
  sessions: number;
  code_snapshots: number;
  session_events: number;
  interactions: number;
  llm_calls: number;
  reports: number;
}

export interface EraseCounts {
  postgres: PostgresCounts;
  /** pg-boss job rows whose payload named the session, per table (absent tables count 0) */
  jobs: { job: number; archive: number };
  /** keys deleted, and entries deleted from each shared stream */
  redis: { keys: number; in: number; ask: number; dlq: number };
  /** `erased`; `not_configured` when this gateway has no CHROMA_URL; `not_erased` (log only: the call fails) */
  chroma: 'erased' | 'not_configured' | 'not_erased';
  /** sockets of the session this gateway closed */
  sockets: number;
}

export interface EraseResult {
  id: string;
  erased: EraseCounts;
}

export interface EraseDeps {
  db: Pool;
  redis: Redis;
  keys: Keys;
  log: Logger;
  /** the retriever holding the session memory, or null when Chroma is not configured */
  retriever: () => Retriever | null;
  /** closes this process's sockets of the session; returns how many */
  closeSockets: (sessionId: string, code: number, reason: string) => number;
  /** how long tokens stay valid after the session's end time: the tombstone must outlive them */
  tokenGraceSec: number;
  /** shortest life of the tombstone (default 24 h) */
  tombstoneTtlSec?: number;
  /** how long Chroma may take before it counts as not answering (default 10 s) */
  chromaTimeoutMs?: number;
  /** XRANGE page size over the shared streams (default 1000) */
  pageSize?: number;
}

/** Close code for the sockets of an erased session (application range). */
export const ERASED_CLOSE_CODE = 4001;
const ERASED_CLOSE_REASON = 'session erased';
const ERASURE_FIELD = 'erasure';
const DEFAULT_TOMBSTONE_TTL_SEC = 24 * 3600;

type RawEntry = [string, string[]];

/** The session's expiry if its row exists, else null. */
async function sessionExpiry(db: Pool, id: string): Promise<Date | null> {
  const { rows } = await db.query<{ expires_at: Date }>('SELECT expires_at FROM sessions WHERE id = $1', [id]);
  return rows[0]?.expires_at ?? null;
}

/** Deletes the entries of `key` that `match` picks, reading the stream in pages. */
async function sweepStream(redis: Redis, key: string, match: (flat: string[]) => boolean, pageSize: number): Promise<number> {
  let start = '-';
  let removed = 0;
  for (;;) {
    const page = (await redis.xrange(key, start, '+', 'COUNT', pageSize)) as RawEntry[];
    const ids = page.filter(([, flat]) => match(flat)).map(([id]) => id);
    if (ids.length) removed += await redis.xdel(key, ...ids);
    if (page.length < pageSize) return removed;
    start = `(${page[page.length - 1]![0]}`;
  }
}

function namesSession(flat: string[], sessionId: string): boolean {
  for (let i = 0; i + 1 < flat.length; i += 2) if (flat[i] === 'sessionId') return flat[i + 1] === sessionId;
  return false;
}

/** A P:dlq entry holds the original entry's fields as a JSON object under `fields`. */
function dlqNamesSession(flat: string[], sessionId: string): boolean {
  const raw = fieldsToRecord(flat).fields;
  if (!raw) return false;
  try {
    const original = JSON.parse(raw) as unknown;
    return typeof original === 'object' && original !== null && (original as Record<string, unknown>).sessionId === sessionId;
  } catch {
    return false;
  }
}

/** Per-session keys other than the ingest hash (which becomes the tombstone). */
function contentKeys(keys: Keys, sessionId: string): string[] {
  const ingest = keys.ingest(sessionId);
  return keys.sessionKeys(sessionId).filter((k) => k !== ingest);
}

async function erasePostgres(db: Pool, id: string): Promise<{ postgres: PostgresCounts; jobs: EraseCounts['jobs'] }> {
  return withTransaction(db, async (client) => {
    // The row lock holds off child inserts (their FK check takes a key-share lock), so the counts
    // below are what the cascade deletes.
    const locked = await client.query('SELECT 1 FROM sessions WHERE id = $1 FOR UPDATE', [id]);
    const { rows } = await client.query<Omit<PostgresCounts, 'sessions'>>(
      `SELECT (SELECT count(*) FROM code_snapshots WHERE session_id = $1)::int AS code_snapshots,
              (SELECT count(*) FROM session_events WHERE session_id = $1)::int AS session_events,
              (SELECT count(*) FROM interactions WHERE session_id = $1)::int AS interactions,
              (SELECT count(*) FROM llm_calls WHERE session_id = $1)::int AS llm_calls,
              (SELECT count(*) FROM reports WHERE session_id = $1)::int AS reports`,
      [id],
    );
    const deleted = locked.rowCount ? (await client.query('DELETE FROM sessions WHERE id = $1', [id])).rowCount ?? 0 : 0;
    // pg-boss 10 keeps jobs in schema pgboss; the schema (or the archive) may not exist yet.
    const tables = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'pgboss' AND table_name IN ('job', 'archive')`,
    );
    const jobs = { job: 0, archive: 0 };
    for (const { table_name } of tables.rows) {
      if (table_name !== 'job' && table_name !== 'archive') continue;
      const res = await client.query(`DELETE FROM pgboss.${table_name} WHERE data->>'sessionId' = $1`, [id]);
      jobs[table_name] = res.rowCount ?? 0;
    }
    return { postgres: { sessions: deleted, ...rows[0]! }, jobs };
  });
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Erases the session everywhere. Throws AppError not_found for an unknown session (or one already
 * erased), and not_ready (503) when Chroma could not be reached, after erasing everything else.
 */
export async function eraseSession(deps: EraseDeps, sessionId: string): Promise<EraseResult> {
  const { redis, keys } = deps;
  const log = deps.log.child({ sessionId, op: 'erase' });
  const ingestKey = keys.ingest(sessionId);

  const expiresAt = await sessionExpiry(deps.db, sessionId);
  let ttlSec = deps.tombstoneTtlSec ?? DEFAULT_TOMBSTONE_TTL_SEC;
  if (expiresAt) {
    // A token stays valid until expiry + grace: the tombstone must answer it until then.
    ttlSec = Math.max(ttlSec, Math.ceil((expiresAt.getTime() - Date.now()) / 1000) + deps.tokenGraceSec);
  } else {
    // Unknown, unless an earlier erasure of it did not finish (its row is gone, the tombstone says so).
    const [state, ttlMs] = await redis.multi().hget(ingestKey, ERASURE_FIELD).pttl(ingestKey).exec().then((r) => (r ?? []).map(([, v]) => v));
    if (state !== 'pending') throw new AppError('not_found', 'no such session');
    if (typeof ttlMs === 'number' && ttlMs > 0) ttlSec = Math.max(ttlSec, Math.ceil(ttlMs / 1000));
  }

  // 1. Tombstone first: from here on, every frame of this session gets session_closed.
  const [, , tombstoned] = (await redis
    .multi()
    .del(ingestKey)
    .hset(ingestKey, 'closed', '1', ERASURE_FIELD, 'pending')
    .expire(ingestKey, ttlSec)
    .exec()) ?? [];
  if (!tombstoned || tombstoned[0]) throw new Error('could not write the erasure tombstone');

  // 2. This gateway's sockets of the session.
  const sockets = deps.closeSockets(sessionId, ERASED_CLOSE_CODE, ERASED_CLOSE_REASON);

  // 3. Shared streams and per-session keys; first off the trigger's schedule, so no tick names it again.
  await redis.zrem(keys.due, sessionId);
  const page = deps.pageSize ?? 1000;
  const counts: EraseCounts = {
    postgres: { sessions: 0, code_snapshots: 0, session_events: 0, interactions: 0, llm_calls: 0, reports: 0 },
    jobs: { job: 0, archive: 0 },
    redis: {
      in: await sweepStream(redis, keys.in, (f) => namesSession(f, sessionId), page),
      ask: await sweepStream(redis, keys.ask, (f) => namesSession(f, sessionId), page),
      dlq: await sweepStream(redis, keys.dlq, (f) => dlqNamesSession(f, sessionId), page),
      keys: await redis.del(...contentKeys(keys, sessionId)),
    },
    chroma: 'not_configured',
    sockets,
  };

  // 4. Postgres and job payloads, in one transaction.
  const pg = await erasePostgres(deps.db, sessionId);
  counts.postgres = pg.postgres;
  counts.jobs = pg.jobs;

  // 5. Chroma memory.
  let chromaError: string | null = null;
  try {
    const retriever = deps.retriever();
    if (retriever) {
      await withTimeout(retriever.forgetSession(sessionId), deps.chromaTimeoutMs ?? 10_000, 'Chroma');
      counts.chroma = 'erased';
    }
  } catch (err) {
    chromaError = err instanceof Error ? err.message : String(err);
    counts.chroma = 'not_erased';
  }

  // 6. Anything a consumer recreated meanwhile, then the tombstone's final state.
  counts.redis.keys += await redis.del(...contentKeys(keys, sessionId));
  await redis.zrem(keys.due, sessionId);
  if (chromaError === null) await redis.multi().hset(ingestKey, 'closed', '1', ERASURE_FIELD, 'done').expire(ingestKey, ttlSec).exec();

  if (chromaError !== null) {
    log.error({ erased: counts, notErased: ['chroma'], err: chromaError }, 'session erased except its Chroma memory');
    throw new AppError(
      'not_ready',
      'erased from Postgres, the job queue and Redis, but NOT the session memory in Chroma: Chroma did not answer; call DELETE again when it does',
    );
  }
  log.info({ erased: counts }, 'session erased');
  return { id: sessionId, erased: counts };
}

/**
 * The retriever an erasure uses, built on first use and only when CHROMA_URL is set. It uses the
 * same embedder choice as the agent, so it reaches the same memory collection.
 */
export function lazyRetriever(
  config: Pick<Config, 'CHROMA_URL' | 'REDIS_PREFIX' | 'EMBEDDING_PROVIDER' | 'EMBEDDING_MODEL' | 'OPENAI_API_KEY' | 'OPENAI_BASE_URL'>,
  log: Logger,
): () => Retriever | null {
  if (!config.CHROMA_URL) return () => null;
  let retriever: Retriever | undefined;
  return () => {
    if (!retriever) {
      const { embedder, reason } = embedderFromConfig(config);
      log.info({ reason }, 'erasure retriever ready');
      retriever = createRetriever({ chromaUrl: config.CHROMA_URL, embedder, prefix: config.REDIS_PREFIX });
    }
    return retriever;
  };
}
