import { archiveEvents, type ArchiveRow } from '../../shared/archive.ts';
import type { Queryable } from '../../shared/db/pool.ts';
import type { Logger } from '../../shared/logger.ts';
import { compareStreamIds, streamIdTime } from '../../shared/streams.ts';

// Routine decisions (skips nobody is shown, superseded updates) do not go through the session's out
// stream: sockets never see them, so writing them there only grew Redis and made the relay read them
// back to drop them. They go to the archive (session_events, stream 'out', role 'audit', type
// 'decision', where the timeline, the replay and the reporter read decisions) by way of an outbox
// in the trigger's own state hash: trigger-commit.lua writes the decision there in the same atomic
// step as the state it decided on, and the trigger archives the outbox and deletes what it archived
// before it acknowledges the entry. A crash in between leaves the fields in the outbox; the next
// read of the session's state (a redelivery, or the next entry) finds them and archives them again
// (archive_events is idempotent on the entry id).

/** Outbox fields in P:state:<sessionId>: `dec:<archive id>` -> the decision (JSON). */
export const OUTBOX_PREFIX = 'dec:';

/**
 * The archive id of the decision an in entry caused: the P:in entry's own id with its sequence part
 * moved above anything Redis hands out within one millisecond, so it never equals an out stream id,
 * sorts right after its cause in session order (same millisecond, on Redis's clock) and is the same
 * on every redelivery.
 */
export function decisionArchiveId(inEntryId: string): string {
  const dash = inEntryId.indexOf('-');
  const ms = dash < 0 ? inEntryId : inEntryId.slice(0, dash);
  const seq = dash < 0 ? 0n : BigInt(inEntryId.slice(dash + 1) || '0');
  return `${ms}-${1_000_000_000_000_000n + seq}`;
}

export function outboxField(inEntryId: string): string {
  return OUTBOX_PREFIX + decisionArchiveId(inEntryId);
}

/** The outbox fields of a state hash as archive rows, in session order. */
export function outboxRows(sessionId: string, outbox: Record<string, string>): ArchiveRow[] {
  const rows: ArchiveRow[] = [];
  for (const [field, value] of Object.entries(outbox)) {
    const id = field.slice(OUTBOX_PREFIX.length);
    let payload: Record<string, unknown>;
    try {
      payload = JSON.parse(value) as Record<string, unknown>;
    } catch {
      continue; // never written by the trigger; the field is deleted with the rest
    }
    rows.push({ session_id: sessionId, stream: 'out', stream_id: id, type: 'decision', role: 'audit', payload, at: new Date(streamIdTime(id)).toISOString() });
  }
  return rows.sort((a, b) => compareStreamIds(a.stream_id, b.stream_id));
}

export interface DecisionArchive {
  /** Resolves once the rows are in Postgres (or rejects: then nothing may be acknowledged). */
  add(rows: ArchiveRow[]): Promise<void>;
  readonly stats: { calls: number; rows: number; fallbacks: number };
}

/**
 * Group commit: the rows of every handler that asks while a flush is in flight go together in the
 * next archive_events call (one per flush, however many sessions and decisions; archive_events
 * locks the sessions of a call in id order itself, so flushes and the snapshotter never deadlock).
 * When a batch fails (a session erased meanwhile), each handler's rows are tried alone, so only the
 * failing one's entries are retried by the consumer runtime.
 */
export function createDecisionArchive(db: Queryable, log: Logger, maxRows = 2000): DecisionArchive {
  type Waiter = { rows: ArchiveRow[]; resolve: () => void; reject: (err: unknown) => void };
  let queue: Waiter[] = [];
  let flushing = false;
  const stats = { calls: 0, rows: 0, fallbacks: 0 };

  async function flush(): Promise<void> {
    while (queue.length) {
      const batch: Waiter[] = [];
      let n = 0;
      while (queue.length && (n === 0 || n + queue[0].rows.length <= maxRows)) {
        const w = queue.shift()!;
        batch.push(w);
        n += w.rows.length;
      }
      const rows = batch.flatMap((w) => w.rows);
      try {
        stats.calls++;
        await archiveEvents(db, rows);
        stats.rows += rows.length;
        for (const w of batch) w.resolve();
      } catch (err) {
        stats.fallbacks++;
        log.warn({ err: err instanceof Error ? err.message : String(err), rows: rows.length }, 'decision archive batch failed; archiving each handler\'s rows alone');
        for (const w of batch) {
          try {
            stats.calls++;
            await archiveEvents(db, w.rows);
            stats.rows += w.rows.length;
            w.resolve();
          } catch (e) {
            w.reject(e);
          }
        }
      }
    }
    flushing = false;
  }

  return {
    stats,
    add(rows) {
      if (!rows.length) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        queue.push({ rows, resolve, reject });
        if (flushing) return;
        flushing = true;
        // Let the handlers that finish in this turn of the event loop join the first flush.
        setImmediate(() => void flush());
      });
    },
  };
}
