import type { Redis } from 'ioredis';
import type { Logger } from './logger.ts';
import { scripts } from './redis.ts';

// What one consumer holds: every entry it was delivered and has not let go of yet — queued behind
// its session, in a handler, or handled and waiting for its XACK. Two jobs:
// - Claims kept: Redis counts an entry's idle time from its last delivery, and XAUTOCLAIM on
//   another replica takes entries idle longer than the claim limit. A handler may run longer than
//   that (a model call with retries), and entries may wait behind it, so every entry held for a
//   quarter of the limit gets its idle time reset (claim-keep.lua). Only a consumer that stopped
//   running (crashed, or its event loop stuck) loses its entries to the stalled-entry claim.
// - Acks batched: handled entries are acknowledged many ids per XACK, on a short timer or when
//   enough accumulate. Until the XACK returns they stay held, so their claim is still kept.

export interface HeldStats {
  /** entries whose handler committed and whose ack went through */
  handled: number;
  ackCalls: number;
  acked: number;
  kept: number;
  lost: number;
}

export interface HeldOptions {
  redis: Redis;
  log: Logger;
  stream: string;
  group: string;
  consumer: string;
  claimIdleMs: number;
  ackFlushMs: number;
  ackBatch: number;
  stats: HeldStats;
  /** called when entries were let go of, so a reader waiting for room can go on */
  onRelease: () => void;
}

export interface Held {
  readonly size: number;
  has(id: string): boolean;
  /** Delivered to this consumer now (or delivered again: its idle time restarted). */
  hold(id: string): void;
  /** Not ours to keep any more (the handler failed; the entry waits for a claim after the idle limit). */
  release(id: string): void;
  /**
   * Acknowledged soon, in a batch: handled and committed (counted in `handled` once acknowledged),
   * or with nothing left to handle (`handled` false: the stream entry is gone).
   */
  ack(ids: string[], handled: boolean): void;
  /** Leaves these to other replicas at once: their idle time is set to the claim limit. */
  handOver(ids: string[]): Promise<void>;
  start(): void;
  /** Flushes every ack still buffered and stops the timers. */
  stop(): Promise<void>;
}

const CHUNK = 500;
const RETRY_MS = 200;

export function createHeld(opts: HeldOptions): Held {
  const { redis, stream, group, consumer, claimIdleMs, stats, log } = opts;
  const keepAfterMs = Math.max(1, Math.floor(claimIdleMs / 4));
  /** id -> when Redis last restarted its idle time (approximately: when we sent or received) */
  const entries = new Map<string, { since: number; acking: boolean; lost?: boolean }>();
  let buffer: string[] = [];
  /** acknowledged ids that count as handled once their XACK is through */
  const counted = new Set<string>();
  let flushTimer: NodeJS.Timeout | null = null;
  let keepTimer: NodeJS.Timeout | null = null;
  let keeping: Promise<void> | null = null;
  const flushes = new Set<Promise<void>>();

  function forget(ids: string[]): void {
    for (const id of ids) entries.delete(id);
    opts.onRelease();
  }

  function schedule(ms: number): void {
    if (!flushTimer) flushTimer = setTimeout(flush, ms);
  }

  function flush(): void {
    if (flushTimer) clearTimeout(flushTimer);
    flushTimer = null;
    if (!buffer.length) return;
    const ids = buffer;
    buffer = [];
    const p = redis.xack(stream, group, ...ids).then(
      () => {
        stats.ackCalls++;
        stats.acked += ids.length;
        for (const id of ids) if (counted.delete(id)) stats.handled++;
        forget(ids);
      },
      (err: unknown) => {
        // Still held, so still kept: nobody claims them while the ack is retried.
        log.warn({ err: err instanceof Error ? err.message : String(err), count: ids.length }, 'XACK failed; retrying');
        buffer.unshift(...ids);
        schedule(RETRY_MS);
      },
    );
    flushes.add(p);
    void p.finally(() => flushes.delete(p));
  }

  async function claimKeep(ids: string[], idleMs: number): Promise<Set<string>> {
    const mine = new Set<string>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      const reply = (await scripts.claimKeep.run(redis, [stream], [group, consumer, idleMs, ...ids.slice(i, i + CHUNK)])) as string[];
      for (const id of reply) mine.add(id);
    }
    return mine;
  }

  async function keep(): Promise<void> {
    const now = Date.now();
    const due = [...entries].filter(([, e]) => !e.lost && now - e.since >= keepAfterMs).map(([id]) => id);
    if (!due.length) return;
    const mine = await claimKeep(due, 0);
    for (const id of due) {
      const e = entries.get(id);
      if (!e) continue;
      if (mine.has(id)) e.since = now;
      // Not pending on us: acknowledged meanwhile (fine), or claimed by another replica after this
      // process stalled past the claim limit — that replica now handles it too (at-least-once).
      else if (!e.acking) {
        e.lost = true; // said once; its handler still finishes and acknowledges it
        stats.lost++;
        log.warn({ streamId: id, heldMs: now - e.since }, 'claim lost to another consumer');
      }
    }
    stats.kept += mine.size;
  }

  function tick(): void {
    if (keeping) return;
    keeping = keep()
      .catch((err: unknown) => log.warn({ err: err instanceof Error ? err.message : String(err) }, 'keeping claims failed'))
      .finally(() => (keeping = null));
  }

  return {
    get size() {
      return entries.size;
    },
    has: (id) => entries.has(id),
    hold(id) {
      entries.set(id, { since: Date.now(), acking: false });
    },
    release(id) {
      forget([id]);
    },
    ack(ids, handled) {
      for (const id of ids) {
        const e = entries.get(id);
        if (e) e.acking = true;
        if (handled) counted.add(id);
      }
      buffer.push(...ids);
      if (buffer.length >= opts.ackBatch) flush();
      else schedule(opts.ackFlushMs);
    },
    async handOver(ids) {
      if (!ids.length) return;
      await claimKeep(ids, claimIdleMs).catch((err: unknown) => log.warn({ err: err instanceof Error ? err.message : String(err) }, 'handing entries over failed; they are claimed after the idle limit'));
      forget(ids);
    },
    start() {
      if (keepTimer) return;
      keepTimer = setInterval(tick, keepAfterMs);
      keepTimer.unref();
    },
    async stop() {
      // Until every buffered ack is through; a failing Redis gives up after a few tries (the entries
      // stay pending and are delivered again: at-least-once).
      for (let tries = 0; (buffer.length || flushes.size) && tries < 20; tries++) {
        flush();
        await Promise.all(flushes);
        if (buffer.length) await new Promise((r) => setTimeout(r, RETRY_MS));
      }
      if (flushTimer) clearTimeout(flushTimer);
      flushTimer = null;
      if (keepTimer) clearInterval(keepTimer);
      keepTimer = null;
      await keeping;
    },
  };
}
