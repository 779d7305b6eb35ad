import type { Redis } from 'ioredis';
import { AppError, toAppError } from '../../shared/errors.ts';
import type { Keys } from '../../shared/keys.ts';
import { parseClientFrame, peekClientId, type ClientFrame, type FrameLimits } from '../../shared/protocol.ts';
import { OUT_MAXLEN } from '../../shared/out.ts';
import { scripts } from '../../shared/redis.ts';
import { encodeIn, type InEntry } from '../../shared/streams.ts';

// From a validated frame to a durable P:in entry. The ack goes out only after Redis has the entry;
// the Lua script makes "repeated seq → first ack, no second entry" and "seq backwards → stale_seq"
// atomic across gateway replicas and reconnects.

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

/** One socket frame, as text, to the reply the socket gets. Never throws. */
export async function ingestText(deps: IngestDeps, writer: Writer, text: string): Promise<Reply> {
  let frame: ClientFrame;
  try {
    frame = parseClientFrame(text, deps.limits);
  } catch (err) {
    const e = toAppError(err);
    return { type: 'error', id: peekClientId(text), code: e.code, message: e.message };
  }
  if (writer.role === 'interviewer') {
    const e = new AppError('forbidden', 'an interviewer socket reads only');
    return { type: 'error', id: frame.id, code: e.code, message: e.message };
  }
  try {
    return await appendFrame(deps, writer, frame);
  } catch (err) {
    return { type: 'error', id: frame.id, code: 'internal', message: 'the frame could not be stored; resend it' };
  }
}
