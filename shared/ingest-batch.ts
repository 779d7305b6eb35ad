import type { Redis } from 'ioredis';
import { OUT_MAXLEN } from './out.ts';
import { scripts } from './redis.ts';

// Group commit for P:in: the frames appended during one event-loop turn — of every socket and
// session — go to Redis as ONE ingest-batch.lua call. A script call costs Redis a fixed few µs on top
// of its commands (≈ 4 µs measured on Redis 7.0, against ≈ 1 µs for the XADD itself), so one call per
// frame would cost several times the write it guards.
//
// Order: a session's frames are written in the order append() was called. Several calls may be in
// flight (pipelined on the connection), but a session is in at most one of them: its frames that
// arrive meanwhile wait for the next call, and frames of other sessions do not wait for them. So a
// call that has to be retried with EVAL after NOSCRIPT (a Redis restart or SCRIPT FLUSH) cannot be
// overtaken by a later call of the same session, whatever other clients load in between. While
// calls are in flight the next batch gathers, so batches grow with the load by themselves.

export interface BatchFrame {
  /** P:ingest:<sid> */
  ingestKey: string;
  /** P:out:<sid> (session_ended goes there) */
  outKey: string;
  /** the frame's seq as a decimal string, or '' for frames without one */
  seq: string;
  /** how long the seq bookkeeping outlives the session's last frame */
  ttlSec: number;
  /** set when the frame ends the session: how long the closed flag lasts */
  closedTtlSec?: number;
  /** session_ended out-entry data (JSON), with closedTtlSec */
  ended?: string;
  /** fields of the P:in entry */
  fields: string[];
}

export type BatchResult =
  | { status: 'ok' | 'dup'; id: string }
  | { status: 'stale'; lastSeq: string }
  | { status: 'closed' }
  | { status: 'err'; message: string };

export interface BatchLimits {
  maxFrames: number;
  maxBytes: number;
  /** script calls in flight at once: round trips overlap, which matters most on a busy machine */
  maxInFlight: number;
}

/** Caps per script call: a call blocks Redis while it runs, so it stays short (well under 1 ms). */
export const BATCH_LIMITS: BatchLimits = { maxFrames: 128, maxBytes: 512 * 1024, maxInFlight: 4 };

interface Pending {
  frame: BatchFrame;
  bytes: number;
  done(r: BatchResult): void;
}

export class IngestBatcher {
  private queue: Pending[] = [];
  private scheduled = false;
  private inFlight = 0;
  /** ingest keys of the sessions that have frames in a call in flight */
  private readonly busy = new Set<string>();
  /** script calls made and frames they carried, for the bench and tests */
  readonly stats = { calls: 0, frames: 0 };

  constructor(
    private readonly redis: Redis,
    private readonly stream: string,
    private readonly limits: BatchLimits = BATCH_LIMITS,
  ) {}

  append(frame: BatchFrame): Promise<BatchResult> {
    return new Promise((resolve) => this.submit(frame, resolve));
  }

  /**
   * append() with a callback, for the socket path: no promise per frame, and every callback of a
   * batch runs in one synchronous loop, so a socket can send all its replies of a batch at once.
   */
  submit(frame: BatchFrame, done: (r: BatchResult) => void): void {
    let bytes = 64;
    for (const f of frame.fields) bytes += f.length;
    this.queue.push({ frame, bytes, done });
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.limits.maxInFlight || this.queue.length === 0) return;
    this.scheduled = true;
    // setImmediate, not a microtask: every message read in this turn of the loop joins the batch.
    setImmediate(this.flush);
  }

  private readonly flush = (): void => {
    this.scheduled = false;
    while (this.inFlight < this.limits.maxInFlight && this.queue.length > 0) {
      const batch = this.take();
      if (batch.length === 0) return; // every waiting session is in a call in flight
      this.send(batch);
    }
  };

  /** The next batch: queued frames in order, skipping (with all their later frames) busy sessions. */
  private take(): Pending[] {
    const batch: Pending[] = [];
    const rest: Pending[] = [];
    let held: Set<string> | undefined;
    let bytes = 0;
    let full = false;
    for (const p of this.queue) {
      const key = p.frame.ingestKey;
      if (full || this.busy.has(key) || held?.has(key)) {
        rest.push(p);
        (held ??= new Set()).add(key);
        continue;
      }
      if (batch.length > 0 && (batch.length >= this.limits.maxFrames || bytes + p.bytes > this.limits.maxBytes)) {
        full = true;
        rest.push(p);
        continue;
      }
      batch.push(p);
      bytes += p.bytes;
    }
    this.queue = rest;
    return batch;
  }

  private send(batch: Pending[]): void {
    const keys = [this.stream];
    const args: (string | number)[] = [Math.floor(Date.now() / 1000), OUT_MAXLEN];
    for (const { frame } of batch) {
      keys.push(frame.ingestKey, frame.outKey);
      args.push(frame.seq, frame.ttlSec, frame.closedTtlSec ?? '', frame.ended ?? '', frame.fields.length);
      for (const f of frame.fields) args.push(f);
      this.busy.add(frame.ingestKey);
    }
    this.inFlight++;
    this.stats.calls++;
    this.stats.frames += batch.length;
    scripts.ingestBatch.run(this.redis, keys, args).then(
      (reply) => {
        this.settle(batch);
        const flat = reply as string[];
        for (let i = 0; i < batch.length; i++) batch[i].done(toResult(flat[2 * i], flat[2 * i + 1]));
      },
      // The script did not run (or not to its end): every frame of the batch is unanswered and the
      // client resends it — dedupe by seq makes that safe for what did get written.
      (err: unknown) => {
        this.settle(batch);
        const failed: BatchResult = { status: 'err', message: err instanceof Error ? err.message : String(err) };
        for (const p of batch) p.done(failed);
      },
    );
  }

  private settle(batch: Pending[]): void {
    this.inFlight--;
    for (const p of batch) this.busy.delete(p.frame.ingestKey);
    this.schedule();
  }
}

function toResult(status: string | undefined, value: string | undefined): BatchResult {
  switch (status) {
    case 'ok':
    case 'dup':
      return { status, id: String(value) };
    case 'stale':
      return { status, lastSeq: String(value) };
    case 'closed':
      return { status };
    case 'err':
      return { status, message: String(value) };
    default:
      return { status: 'err', message: `ingest-batch script returned ${String(status)}` };
  }
}

const batchers = new WeakMap<Redis, Map<string, IngestBatcher>>();

/**
 * The batcher for one (client, target stream): frames of one connection and stream share calls; a
 * later Redis Cluster layout can shard P:in by giving each shard's stream its own batcher.
 */
export function batcherFor(redis: Redis, stream: string): IngestBatcher {
  let byStream = batchers.get(redis);
  if (!byStream) batchers.set(redis, (byStream = new Map()));
  let b = byStream.get(stream);
  if (!b) byStream.set(stream, (b = new IngestBatcher(redis, stream)));
  return b;
}
