import type { Redis } from 'ioredis';
import { publicUrl, sessionStateTtlSec, type Config } from './config.ts';
import type { Keys } from './keys.ts';
import type { ClientFrame, FrameLimits } from './protocol.ts';
import { OUT_MAXLEN } from './out.ts';
import { scripts } from './redis.ts';
import { encodeIn, type InEntry } from './streams.ts';

// From a validated frame to a durable P:in entry: the one write path for the gateway's sockets, its
// API (POST /end) and the reporter's expiry sweep. The Lua script makes "repeated seq → first ack,
// no second entry", "seq backwards → stale_seq" and "nothing after the end" atomic across replicas.

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

export async function appendFrame(deps: IngestDeps, writer: Writer, frame: ClientFrame, now = Date.now()): Promise<Reply> {
  const seq = frame.type === 'code_update' ? String(frame.seq) : '';
  const ends = frame.type === 'end_session';
  const fields = encodeIn({ sessionId: writer.sessionId, role: writer.role, frame, at: now });
  const ended = JSON.stringify({ reportUrl: deps.reportUrl(writer.sessionId) });
  const [status, value] = (await scripts.ingest.run(
    deps.redis,
    [deps.keys.in, deps.keys.ingest(writer.sessionId), deps.keys.out(writer.sessionId)],
    [seq, ends ? '1' : '0', deps.ingestTtlSec, ended, OUT_MAXLEN, deps.closedTtlSec ?? 8 * 24 * 3600, ...fields],
  )) as [string, string];
  const id = frame.id;
  switch (status) {
    case 'ok':
    case 'dup':
      return { type: 'ack', id, eventId: value, ...(seq ? { seq: Number(seq) } : {}) };
    case 'stale':
      return { type: 'error', id, code: 'stale_seq', message: `seq ${seq} is not above the last accepted seq ${value}` };
    case 'closed':
      return { type: 'error', id, code: 'session_closed', message: 'the session has ended; nothing more is accepted' };
    default:
      throw new Error(`ingest script returned ${status}`);
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
