import type { Redis } from 'ioredis';
import type { Queryable } from './db/pool.ts';
import type { Keys } from './keys.ts';
import { fieldsToRecord, OutEntry, streamIdTime } from './streams.ts';

// The session archive in Postgres (session_events): every in and out stream entry, hash-chained per
// session by archive_events() (migration 1700000000002), idempotent on (session, stream, entry id).

export interface ArchiveRow {
  session_id: string;
  stream: 'in' | 'out';
  stream_id: string;
  type: string;
  role: string | null;
  payload: Record<string, unknown>;
  at: string;
}

export async function archiveEvents(db: Queryable, rows: ArchiveRow[]): Promise<number> {
  if (!rows.length) return 0;
  const { rows: out } = await db.query<{ added: number }>('SELECT archive_events($1::jsonb) AS added', [JSON.stringify(rows)]);
  return out[0].added;
}

/** Out entries as archive rows; `role` holds the audience so the timeline can tell who saw what. */
export function outRows(sessionId: string, entries: [string, string[]][]): ArchiveRow[] {
  const rows: ArchiveRow[] = [];
  for (const [id, flat] of entries) {
    const parsed = OutEntry.safeParse(fieldsToRecord(flat));
    if (!parsed.success) continue;
    rows.push({
      session_id: sessionId, stream: 'out', stream_id: id, type: parsed.data.type, role: parsed.data.audience,
      payload: parsed.data.data, at: new Date(streamIdTime(id)).toISOString(),
    });
  }
  return rows;
}

/** Copies a session's whole out stream into the archive (again is a no-op for rows already there). */
export async function archiveOutStream(deps: { redis: Redis; keys: Keys; db: Queryable }, sessionId: string): Promise<number> {
  const entries = (await deps.redis.xrange(deps.keys.out(sessionId), '-', '+')) as [string, string[]][];
  return archiveEvents(deps.db, outRows(sessionId, entries));
}
