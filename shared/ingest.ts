import type { Redis } from 'ioredis';
import { publicUrl, sessionStateTtlSec, type Config } from './config.ts';
import type { Keys } from './keys.ts';
import type { ClientFrame, FrameLimits } from './protocol.ts';
import { batcherFor, type BatchFrame, type BatchResult } from './ingest-batch.ts';
import { encodeIn, type InEntry } from './streams.ts';

// From a validated frame to a durable P:in entry: the one write path for the gateway's sockets, its
// API (POST /end) and the reporter's expiry sweep. Frames go to Redis in groups (ingest-batch.ts);
// the Lua script makes "repeated seq → first ack, no second entry", "seq backwards → stale_seq" and
// "nothing after the end" atomic across replicas, frame by frame in arrival order.

export interface IngestDeps {
  redis: Redis;
  keys: Keys;
  limits: FrameLimits;
  /** how long the seq bookkeeping outlives the last frame of a session */
  ingestTtlSec: number;
  /** how long an ended session refuses writes (default: eight days, past any token) */
  closedTtlSec?: number;
  reportUrl: (sessionId: string) => string;
}

export interface Writer {
  sessionId: string;
  role: InEntry['role'];
}

export type Reply =
  | { type: 'ack'; id?: string; eventId: string; seq?: number }
  | { type: 'error'; id?: string; code: string; message: string };

export function appendFrame(deps: IngestDeps, writer: Writer, frame: ClientFrame, now = Date.now()): Promise<Reply> {
  return appendEncoded(deps, writer, frame, encodeIn({ sessionId: writer.sessionId, role: writer.role, frame, at: now }));
}

/** The batcher's view of one frame. */
function toBatch(deps: IngestDeps, writer: Writer, frame: ClientFrame, fields: string[]): BatchFrame {
  const batch: BatchFrame = {
    ingestKey: deps.keys.ingest(writer.sessionId),
    outKey: deps.keys.out(writer.sessionId),
    seq: frame.type === 'code_update' ? String(frame.seq) : '',
    ttlSec: deps.ingestTtlSec,
    fields,
  };
  if (frame.type === 'end_session') {
    batch.closedTtlSec = deps.closedTtlSec ?? 8 * 24 * 3600;
    batch.ended = JSON.stringify({ reportUrl: deps.reportUrl(writer.sessionId) });
  }
  return batch;
}

/**
 * appendFrame with the P:in entry's fields already encoded. Rejects when the frame's fate is
 * unknown (Redis unreachable, the script failed): the client resends it.
 */
export function appendEncoded(deps: IngestDeps, writer: Writer, frame: ClientFrame, fields: string[]): Promise<Reply> {
  const seq = frame.type === 'code_update' ? frame.seq : undefined;
  return batcherFor(deps.redis, deps.keys.in).append(toBatch(deps, writer, frame, fields)).then((r) => {
    if (r.status === 'err') throw new Error(`ingest-batch: ${r.message}`);
    return toReply(r, frame.id, seq);
  });
}

/**
 * appendEncoded for the socket path: the reply through a callback, or null when the frame's fate is
 * unknown (resend). Throws (synchronously) only on a writer the keys refuse.
 */
export function submitEncoded(deps: IngestDeps, writer: Writer, frame: ClientFrame, fields: string[], done: (reply: Reply | null) => void): void {
  const seq = frame.type === 'code_update' ? frame.seq : undefined;
  const id = frame.id;
  batcherFor(deps.redis, deps.keys.in).submit(toBatch(deps, writer, frame, fields), (r) => done(r.status === 'err' ? null : toReply(r, id, seq)));
}

function toReply(r: Exclude<BatchResult, { status: 'err' }>, id: string | undefined, seq: number | undefined): Reply {
  switch (r.status) {
    case 'ok':
    case 'dup':
      return seq === undefined ? { type: 'ack', id, eventId: r.id } : { type: 'ack', id, eventId: r.id, seq };
    case 'stale':
      return { type: 'error', id, code: 'stale_seq', message: `seq ${seq} is not above the last accepted seq ${r.lastSeq}` };
    case 'closed':
      return { type: 'error', id, code: 'session_closed', message: 'the session has ended; nothing more is accepted' };
  }
}


/** The write path's settings from configuration, the same for every process that appends frames. */
export function ingestDepsFromConfig(config: Config, redis: Redis, keys: Keys): IngestDeps {
  const base = publicUrl(config);
  return {
    redis, keys,
    limits: { maxFrameBytes: config.WS_MAX_PAYLOAD_BYTES, maxCodeBytes: config.MAX_CODE_BYTES, maxAnswerBytes: config.MAX_ANSWER_BYTES },
    ingestTtlSec: sessionStateTtlSec(config),
    closedTtlSec: Math.max(config.CANDIDATE_TOKEN_GRACE_SEC, config.INTERVIEWER_TOKEN_GRACE_SEC) + 24 * 3600,
    reportUrl: (id) => `${base}/v1/sessions/${id}/report`,
  };
}
