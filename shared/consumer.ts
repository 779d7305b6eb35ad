import { hostname } from 'node:os';
import type { Redis } from 'ioredis';
import type { Logger } from './logger.ts';
import { createBlockingReader } from './blocking.ts';
import { createFailures, type FailureStats } from './consumer-failures.ts';
import { createHeld, type HeldStats } from './consumer-held.ts';
import { SessionWindow, type TakeMode, type Work } from './consumer-window.ts';
import { fieldsToRecord, type Fields } from './streams.ts';

// The consumer runtime every service uses (BullMQ and y-redis patterns): group created at 0 with
// MKSTREAM; own pending entries first, then new ones; XAUTOCLAIM of stalled entries with the cursor
// carried forward; dead-letter after N deliveries; XACK only after the handler has committed.
// A sliding window, not a batch barrier: the reader keeps reading while handler slots are free and
// the consumer holds fewer than `window` entries; entries queue behind their session's work in
// flight (consumer-window.ts), so one slow session holds back only itself. Entries held for long
// keep their claim and acks go out in batches (consumer-held.ts).

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
  /**
   * Whatever is ready when a slot is free: every queued entry of the sessions with nothing in
   * flight, up to `batchSize`, in stream order within each session. All acknowledged when it
   * resolves; on failure each message is retried alone (handle, or handleBatch([msg])) to isolate a
   * poison one.
   */
  handleBatch?: (msgs: StreamMessage<T>[]) => Promise<void>;
  /**
   * Per-session grouped handling. Contract: called with every entry of ONE session (by `sessionOf`)
   * that is queued on this consumer, in stream order, at most `sessionBatch` of them, while none of
   * that session's entries is in flight here (another replica of the group may still hold some: be
   * idempotent, as every handler). Entries of other sessions run concurrently, up to `concurrency`.
   * A handler may coalesce them (e.g. act on the newest and record the others as superseded): when
   * it resolves, ALL of them are acknowledged. When it throws, they are retried one by one in order
   * (through `handle` when given, else `handleSession([msg])`), each with its own failure count and
   * dead-lettering, so one poison entry cannot hold the others back.
   */
  handleSession?: (msgs: StreamMessage<T>[]) => Promise<void>;
  /** Messages with the same key are handled in order; different keys may run concurrently. */
  sessionOf?: (body: T) => string;
  /** handler calls running at once (each for different sessions) */
  concurrency?: number;
  /** entries per read, per claim and per handleBatch call */
  batchSize?: number;
  /** most entries one consumer holds: queued, in a handler, or waiting for their ack */
  window?: number;
  /** most entries per handleSession call (default batchSize) */
  sessionBatch?: number;
  blockMs?: number;
  claimIdleMs?: number;
  claimEveryMs?: number;
  maxDeliveries?: number;
  /** handled entries are acknowledged together after at most this long (or once ackBatch gathered) */
  ackFlushMs?: number;
  ackBatch?: number;
}

export interface ConsumerStats extends HeldStats, FailureStats {
  claimed: number;
  /** XAUTOCLAIM calls made (tests wait on them instead of sleeping) */
  claimCycles: number;
  reads: number;
}

export interface Consumer {
  readonly name: string;
  readonly stats: ConsumerStats;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Resolves after the next read cycle finished; tests use it to wait without sleeping. */
  idle(): Promise<void>;
  /** Whether the read loop runs and came round recently: a loop stuck anywhere is not ready. */
  health(now?: number): { ok: boolean; reason?: string };
}

type RawEntry = [id: string, fields: string[] | null];
type ReadReply = [stream: string, entries: RawEntry[]][] | null;

export function defaultConsumerName(service: string): string {
  return `${service}-${hostname()}-${process.pid}`;
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function createConsumer<T>(opts: ConsumerOptions<T>): Consumer {
  const name = opts.consumer ?? defaultConsumerName(opts.group);
  const blockMs = Math.min(opts.blockMs ?? 2000, 5000);
  const batchSize = opts.batchSize ?? 100;
  const claimIdleMs = opts.claimIdleMs ?? 30_000;
  const claimEveryMs = opts.claimEveryMs ?? 5_000;
  const maxDeliveries = opts.maxDeliveries ?? 5;
  const concurrency = Math.max(1, opts.concurrency ?? 1);
  const window = Math.max(opts.window ?? 2 * batchSize, concurrency);
  const { redis, stream, group } = opts;
  const log = opts.log.child({ stream, group, consumer: name });
  const stats: ConsumerStats = { handled: 0, failed: 0, deadLettered: 0, claimed: 0, claimCycles: 0, reads: 0, ackCalls: 0, acked: 0, kept: 0, lost: 0 };

  const grouped = opts.handleSession ?? opts.handleBatch;
  const single = opts.handle ?? (grouped ? (m: StreamMessage<T>) => grouped([m]) : undefined);
  if (!single) throw new Error('a consumer needs handle, handleBatch or handleSession');
  const mode: TakeMode = opts.handleSession ? 'session' : opts.handleBatch ? 'batch' : 'one';
  const takeCap = mode === 'session' ? Math.max(1, opts.sessionBatch ?? batchSize) : mode === 'batch' ? batchSize : 1;

  const reader = createBlockingReader(redis, `${name}:block`, blockMs, log);
  const queue = new SessionWindow<StreamMessage<T>>();
  const held = createHeld({
    redis, log, stream, group, consumer: name, claimIdleMs, stats,
    ackFlushMs: opts.ackFlushMs ?? 10, ackBatch: opts.ackBatch ?? 200, onRelease: () => wake(),
  });
  const failures = createFailures({ redis, log, stream, group, dlq: opts.dlq, maxDeliveries, stats });
  const tasks = new Set<Promise<void>>();
  let running = 0;
  let stopping = false;
  let loop: Promise<void> | null = null;
  let claimCursor = '0-0';
  let nextClaimAt = 0;
  let idleWaiters: (() => void)[] = [];
  let roomWaiter: (() => void) | null = null;
  /** When the read loop last finished a cycle (a read, a wait for room, or an error backoff). */
  let lastCycleAt = 0;

  async function ensureGroup(): Promise<void> {
    try {
      await redis.xgroup('CREATE', stream, group, '0', 'MKSTREAM');
    } catch (err) {
      if (!(err instanceof Error) || !err.message.includes('BUSYGROUP')) throw err;
    }
  }

  async function onFailure(msg: StreamMessage<T>, err: unknown): Promise<void> {
    // No longer kept: after the idle limit the stalled-entry claim delivers it again.
    held.release(msg.id);
    await failures.failed(msg.id, msg.fields, err, opts.sessionOf?.(msg.body));
  }

  function committed(msgs: StreamMessage<T>[]): void {
    held.ack(msgs.map((m) => m.id), true);
  }

  async function runOne(msg: StreamMessage<T>): Promise<void> {
    try {
      await single!(msg);
      committed([msg]);
    } catch (err) {
      await onFailure(msg, err);
    }
  }

  async function execute({ msgs }: Work<StreamMessage<T>>): Promise<void> {
    if (msgs.length > 1 && grouped) {
      try {
        await grouped(msgs);
        committed(msgs);
        return;
      } catch (err) {
        log.warn({ err: errorText(err), size: msgs.length }, 'batch failed; retrying one by one');
      }
    }
    for (const m of msgs) await runOne(m);
  }

  /** Starts work while slots are free; called whenever entries arrive or work ends. */
  function pump(): void {
    while (!stopping && running < concurrency) {
      const work = queue.take(mode, takeCap);
      if (!work) return;
      running++;
      const task: Promise<void> = execute(work)
        .catch((err: unknown) => log.error({ err: errorText(err) }, 'handler slot failed'))
        .finally(() => {
          running--;
          tasks.delete(task);
          queue.done(work.keys);
          pump();
          wake();
        });
      tasks.add(task);
    }
  }

  /** How many more entries the reader may take now (0: wait until work ends). */
  function room(): number {
    // A batch handler reads ahead so its next batch is ready, and a per-session handler so that a
    // session's entries queue together while its work is in flight (what lets it coalesce them:
    // read nothing while busy and each read finds one entry per session); one-at-a-time handlers
    // leave entries in Redis for other replicas while every slot here is busy.
    if (mode === 'one' && running >= concurrency) return 0;
    return window - held.size;
  }

  function wake(): void {
    const w = roomWaiter;
    roomWaiter = null;
    w?.();
  }

  function waitForRoom(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        if (roomWaiter === done) roomWaiter = null;
        resolve();
      }
      roomWaiter = done;
    });
  }

  async function admit(raw: RawEntry[]): Promise<void> {
    const gone: string[] = [];
    for (const [id, flat] of raw) {
      // Delivered to us again (our own stalled-entry claim): it is already queued or in a handler.
      if (held.has(id)) continue;
      // A pending entry whose stream entry was trimmed or deleted has nothing left to handle.
      if (!flat) {
        gone.push(id);
        continue;
      }
      const fields = fieldsToRecord(flat);
      let body: T;
      try {
        body = opts.decode(fields);
      } catch (err) {
        // It will never decode, so retrying is pointless: straight to the dead-letter stream.
        await failures.deadLetter(id, fields, `undecodable: ${errorText(err)}`, 1);
        continue;
      }
      held.hold(id);
      queue.push(opts.sessionOf?.(body) ?? '', { id, stream, fields, body });
    }
    if (gone.length) held.ack(gone, false);
    pump();
  }

  async function claimStalled(space: number): Promise<void> {
    nextClaimAt = Date.now() + claimEveryMs;
    const reply = (await redis.call('XAUTOCLAIM', stream, group, name, String(claimIdleMs), claimCursor, 'COUNT', String(Math.min(batchSize, space)))) as [string, RawEntry[], string[]?];
    claimCursor = reply[0];
    stats.claimCycles++;
    const fresh = reply[1].filter(([id]) => !held.has(id));
    if (fresh.length) {
      stats.claimed += fresh.length;
      log.info({ count: fresh.length }, 'claimed stalled entries');
      await admit(fresh);
    }
  }

  async function run(): Promise<void> {
    await ensureGroup();
    let pendingCursor: string | null = '0';
    let backoff = 100;
    while (!stopping) {
      try {
        let space = room();
        if (space > 0 && Date.now() >= nextClaimAt) {
          await claimStalled(space);
          space = room();
        }
        if (stopping) break;
        if (space <= 0) {
          await waitForRoom(Math.max(10, Math.min(blockMs, nextClaimAt - Date.now())));
          continue;
        }
        const reading: string | null = pendingCursor;
        const args: (string | number)[] = ['GROUP', group, name, 'COUNT', Math.min(batchSize, space)];
        if (reading === null) args.push('BLOCK', blockMs);
        args.push('STREAMS', stream, reading ?? '>');
        const reply = (await reader.read('XREADGROUP', args)) as ReadReply;
        const entries = reply?.[0]?.[1] ?? [];
        stats.reads++;
        if (reading !== null) pendingCursor = entries.length ? entries[entries.length - 1][0] : null;
        await admit(entries);
        backoff = 100;
      } catch (err) {
        if (stopping) break;
        const message = errorText(err);
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
        lastCycleAt = Date.now();
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
      held.start();
      lastCycleAt = Date.now();
      loop = run();
      loop.catch((err) => log.fatal({ err }, 'consumer loop crashed'));
    },
    async stop() {
      if (!loop) return;
      stopping = true;
      // Wake the blocked read at once instead of waiting out BLOCK; in-flight work still finishes.
      wake();
      await reader.unblock();
      await loop.catch(() => undefined);
      loop = null;
      // Entries read but not started go back to the group at once instead of after the idle limit.
      await held.handOver(queue.drain().map((m) => m.id));
      await Promise.all(tasks);
      await held.stop();
      await reader.close();
    },
    idle() {
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    health(now = Date.now()) {
      if (!loop || stopping) return { ok: false, reason: 'not running' };
      // A cycle lasts at most a blocking read (blockMs) or an error backoff (5 s); the reader's own
      // watchdog replaces a read that hangs, so a silence well past both means the loop is stuck.
      const limit = blockMs + 10_000;
      if (now - lastCycleAt > limit) return { ok: false, reason: `no read cycle for ${now - lastCycleAt} ms` };
      return { ok: true };
    },
  };
}
