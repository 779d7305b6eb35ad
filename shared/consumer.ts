import { hostname } from 'node:os';
import type { Redis } from 'ioredis';
import type { Logger } from './logger.ts';
import { createBlockingReader } from './blocking.ts';
import { scripts } from './redis.ts';
import { fieldsToRecord, type Fields } from './streams.ts';

// The consumer runtime every service uses (BullMQ and y-redis patterns): group created at 0 with
// MKSTREAM; own pending entries first, then new ones; XAUTOCLAIM of stalled entries with the cursor
// carried forward; dead-letter after N deliveries; XACK only after the handler has committed.

export interface StreamMessage<T> {
  id: string;
  stream: string;
  fields: Fields;
  body: T;
}

export interface ConsumerOptions<T> {
  redis: Redis;
  log: Logger;
  stream: string;
  group: string;
  consumer?: string;
  dlq: string;
  decode: (fields: Fields) => T;
  /** One message at a time; messages of one session stay in order. */
  handle?: (msg: StreamMessage<T>) => Promise<void>;
  /** A whole batch in one go; on failure each message is retried alone to isolate a poison one. */
  handleBatch?: (msgs: StreamMessage<T>[]) => Promise<void>;
  /** Messages with the same key are handled in order; different keys may run concurrently. */
  sessionOf?: (body: T) => string;
  concurrency?: number;
  batchSize?: number;
  blockMs?: number;
  claimIdleMs?: number;
  claimEveryMs?: number;
  maxDeliveries?: number;
}

export interface ConsumerStats {
  handled: number;
  failed: number;
  deadLettered: number;
  claimed: number;
}

export interface Consumer {
  readonly name: string;
  readonly stats: ConsumerStats;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Resolves after the next read cycle finished; tests use it to wait without sleeping. */
  idle(): Promise<void>;
}

type RawEntry = [id: string, fields: string[] | null];
type ReadReply = [stream: string, entries: RawEntry[]][] | null;

const DLQ_MAXLEN = 100_000;

export function defaultConsumerName(service: string): string {
  return `${service}-${hostname()}-${process.pid}`;
}

export function createConsumer<T>(opts: ConsumerOptions<T>): Consumer {
  const name = opts.consumer ?? defaultConsumerName(opts.group);
  const blockMs = Math.min(opts.blockMs ?? 2000, 5000);
  const batchSize = opts.batchSize ?? 100;
  const claimIdleMs = opts.claimIdleMs ?? 30_000;
  const claimEveryMs = opts.claimEveryMs ?? 5_000;
  const maxDeliveries = opts.maxDeliveries ?? 5;
  const concurrency = Math.max(1, opts.concurrency ?? 1);
  const { redis, stream, group } = opts;
  const log = opts.log.child({ stream, group, consumer: name });
  const stats: ConsumerStats = { handled: 0, failed: 0, deadLettered: 0, claimed: 0 };

  const reader = createBlockingReader(redis, `${name}:block`, blockMs, log);
  let stopping = false;
  let loop: Promise<void> | null = null;
  let claimCursor = '0-0';
  let nextClaimAt = 0;
  let idleWaiters: (() => void)[] = [];

  async function ensureGroup(): Promise<void> {
    try {
      await redis.xgroup('CREATE', stream, group, '0', 'MKSTREAM');
    } catch (err) {
      if (!(err instanceof Error) || !err.message.includes('BUSYGROUP')) throw err;
    }
  }

  async function ack(ids: string[]): Promise<void> {
    if (ids.length) await redis.xack(stream, group, ...ids);
  }

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

  async function onFailure(msg: StreamMessage<T>, err: unknown): Promise<void> {
    stats.failed++;
    const message = err instanceof Error ? err.message : String(err);
    const count = await deliveries(msg.id);
    const sessionId = opts.sessionOf?.(msg.body);
    if (count >= maxDeliveries) return deadLetter(msg.id, msg.fields, message, count);
    log.warn({ streamId: msg.id, sessionId, deliveries: count, err: message }, 'handler failed; will retry after claim idle time');
  }

  async function runOne(msg: StreamMessage<T>): Promise<void> {
    try {
      if (opts.handle) await opts.handle(msg);
      else await opts.handleBatch!([msg]);
      await ack([msg.id]);
      stats.handled++;
    } catch (err) {
      await onFailure(msg, err);
    }
  }

  async function runPartitioned(msgs: StreamMessage<T>[]): Promise<void> {
    const lanes = new Map<string, StreamMessage<T>[]>();
    for (const m of msgs) {
      const key = opts.sessionOf?.(m.body) ?? '';
      const lane = lanes.get(key);
      if (lane) lane.push(m);
      else lanes.set(key, [m]);
    }
    const queue = [...lanes.values()];
    const worker = async () => {
      for (let lane = queue.shift(); lane; lane = queue.shift()) for (const m of lane) await runOne(m);
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
  }

  async function handleEntries(raw: RawEntry[]): Promise<void> {
    const msgs: StreamMessage<T>[] = [];
    const gone: string[] = [];
    for (const [id, flat] of raw) {
      // A pending entry whose stream entry was trimmed or deleted has nothing left to handle.
      if (!flat) {
        gone.push(id);
        continue;
      }
      const fields = fieldsToRecord(flat);
      try {
        msgs.push({ id, stream, fields, body: opts.decode(fields) });
      } catch (err) {
        // It will never decode, so retrying is pointless: straight to the dead-letter stream.
        await deadLetter(id, fields, `undecodable: ${err instanceof Error ? err.message : String(err)}`, 1);
      }
    }
    await ack(gone);
    if (!msgs.length) return;
    if (opts.handleBatch && msgs.length > 1) {
      try {
        await opts.handleBatch(msgs);
        await ack(msgs.map((m) => m.id));
        stats.handled += msgs.length;
        return;
      } catch (err) {
        log.warn({ err: err instanceof Error ? err.message : String(err), size: msgs.length }, 'batch failed; retrying one by one');
      }
    }
    await runPartitioned(msgs);
  }

  async function claimStalled(): Promise<void> {
    nextClaimAt = Date.now() + claimEveryMs;
    const reply = (await redis.call('XAUTOCLAIM', stream, group, name, String(claimIdleMs), claimCursor, 'COUNT', String(batchSize))) as [string, RawEntry[], string[]?];
    claimCursor = reply[0];
    if (reply[1].length) {
      stats.claimed += reply[1].length;
      log.info({ count: reply[1].length }, 'claimed stalled entries');
      await handleEntries(reply[1]);
    }
  }

  async function run(): Promise<void> {
    await ensureGroup();
    let pendingCursor: string | null = '0';
    let backoff = 100;
    while (!stopping) {
      try {
        if (Date.now() >= nextClaimAt) await claimStalled();
        if (stopping) break;
        const reading: string | null = pendingCursor;
        const args: (string | number)[] = ['GROUP', group, name, 'COUNT', batchSize];
        if (reading === null) args.push('BLOCK', blockMs);
        args.push('STREAMS', stream, reading ?? '>');
        const reply = (await reader.read('XREADGROUP', args)) as ReadReply;
        const entries = reply?.[0]?.[1] ?? [];
        if (reading !== null) pendingCursor = entries.length ? entries[entries.length - 1][0] : null;
        await handleEntries(entries);
        backoff = 100;
      } catch (err) {
        if (stopping) break;
        const message = err instanceof Error ? err.message : String(err);
        if (message.includes('NOGROUP')) {
          // Redis lost the group (restart without AOF): recreate at 0 so nothing written is skipped.
          log.warn('consumer group missing; recreating at 0');
          await ensureGroup().catch(() => undefined);
          pendingCursor = '0';
          continue;
        }
        log.error({ err: message }, 'consumer loop error');
        await new Promise((r) => setTimeout(r, backoff));
        backoff = Math.min(backoff * 2, 5000);
      } finally {
        const waiters = idleWaiters;
        idleWaiters = [];
        for (const w of waiters) w();
      }
    }
  }

  return {
    name,
    stats,
    async start() {
      if (loop) return;
      stopping = false;
      await ensureGroup();
      loop = run();
      loop.catch((err) => log.fatal({ err }, 'consumer loop crashed'));
    },
    async stop() {
      if (!loop) return;
      stopping = true;
      // Wake the blocked read at once instead of waiting out BLOCK; in-flight work still finishes.
      await reader.unblock();
      await loop.catch(() => undefined);
      loop = null;
      await reader.close();
    },
    idle() {
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
  };
}
