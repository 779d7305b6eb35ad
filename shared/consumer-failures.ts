import type { Redis } from 'ioredis';
import type { Logger } from './logger.ts';
import { scripts } from './redis.ts';
import type { Fields } from './streams.ts';
import { isTransient } from './transient.ts';

// What the consumer runtime does with an entry whose handler failed: leave it pending so that the
// stalled-entry claim delivers it again after the idle limit, until its delivery count reaches the
// maximum; then copy it to the dead-letter stream with its error and acknowledge it, in one step.

const DLQ_MAXLEN = 100_000;
/** A transient failure (a dependency down) is retried up to this many times the usual limit. */
const TRANSIENT_FACTOR = 10;

export interface FailureStats {
  failed: number;
  deadLettered: number;
}

export interface Failures {
  /** Straight to the dead-letter stream (e.g. an entry that will never decode). */
  deadLetter(id: string, fields: Fields, error: string, count: number): Promise<void>;
  /** A handler threw for this entry: retried later, or dead-lettered after the maximum deliveries. */
  failed(id: string, fields: Fields, err: unknown, sessionId?: string): Promise<void>;
}

export function createFailures(opts: { redis: Redis; log: Logger; stream: string; group: string; dlq: string; maxDeliveries: number; stats: FailureStats }): Failures {
  const { redis, log, stream, group, stats } = opts;

  async function deliveries(id: string): Promise<number> {
    const rows = (await redis.xpending(stream, group, id, id, 1)) as [string, string, number, number][];
    // Not pending any more (acked elsewhere, or the group was recreated): nothing to dead-letter.
    return rows[0]?.[3] ?? 0;
  }

  async function deadLetter(id: string, fields: Fields, error: string, count: number): Promise<void> {
    await scripts.deadLetter.run(redis, [stream, opts.dlq], [group, id, error.slice(0, 2000), count, JSON.stringify(fields), DLQ_MAXLEN]);
    stats.deadLettered++;
    log.error({ streamId: id, deliveries: count, err: error }, 'message dead-lettered');
  }

  return {
    deadLetter,
    async failed(id, fields, err, sessionId) {
      stats.failed++;
      const message = err instanceof Error ? err.message : String(err);
      try {
        const count = await deliveries(id);
        const transient = isTransient(err);
        const limit = transient ? opts.maxDeliveries * TRANSIENT_FACTOR : opts.maxDeliveries;
        if (count >= limit) return await deadLetter(id, fields, transient ? `${message} (transient, still failing after ${count} deliveries)` : message, count);
        log.warn({ streamId: id, sessionId, deliveries: count, transient, err: message }, transient
          ? 'handler failed on a dependency; will retry after claim idle time (up to ten times the usual deliveries)'
          : 'handler failed; will retry after claim idle time');
      } catch (e) {
        log.error({ streamId: id, err: e instanceof Error ? e.message : String(e) }, 'recording a failure failed; the entry stays pending');
      }
    },
  };
}
