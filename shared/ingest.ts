import type { Redis } from 'ioredis';
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
    [seq, ends ? '1' : '0', deps.ingestTtlSec, ended, OUT_MAXLEN, ...fields],
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

