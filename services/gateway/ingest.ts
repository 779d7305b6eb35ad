import { AppError, toAppError } from '../../shared/errors.ts';
import { appendFrame, submitEncoded, type IngestDeps, type Reply, type Writer } from '../../shared/ingest.ts';
import { parseClientText, peekClientId, type ClientFrame } from '../../shared/protocol.ts';
import { encodeIn, encodeInText } from '../../shared/streams.ts';

export { appendFrame, type IngestDeps, type Reply, type Writer };

// A socket frame, as text, to the reply the socket gets: parsed and checked here, appended by the
// shared write path. The ack goes out only after Redis has the entry.

const NOT_STORED = 'the frame could not be stored; resend it';

/**
 * One socket frame, as text, to the reply the socket gets, through `done` (called exactly once,
 * maybe before this returns). The frame is handed to the write path before this returns, so frames
 * reach Redis in the order this is called. `bytes`: the frame's UTF-8 size, when the caller knows it.
 */
export function ingestFrame(deps: IngestDeps, writer: Writer, text: string, done: (reply: Reply) => void, bytes?: number, now = Date.now()): void {
  let frame: ClientFrame;
  let verbatim: boolean;
  try {
    ({ frame, verbatim } = parseClientText(text, deps.limits, bytes));
  } catch (err) {
    const e = toAppError(err);
    return done({ type: 'error', id: peekClientId(text), code: e.code, message: e.message });
  }
  if (writer.role === 'interviewer') {
    const e = new AppError('forbidden', 'an interviewer socket reads only');
    return done({ type: 'error', id: frame.id, code: e.code, message: e.message });
  }
  const id = frame.id;
  // The client's own text when it says exactly what was validated: no second JSON.stringify.
  const fields = verbatim
    ? encodeInText(writer.sessionId, writer.role, frame.type, text, now)
    : encodeIn({ sessionId: writer.sessionId, role: writer.role, frame, at: now });
  try {
    submitEncoded(deps, writer, frame, fields, (reply) => done(reply ?? { type: 'error', id, code: 'internal', message: NOT_STORED }));
  } catch {
    done({ type: 'error', id, code: 'internal', message: NOT_STORED });
  }
}

/** ingestFrame as a promise. Never rejects. */
export function ingestText(deps: IngestDeps, writer: Writer, text: string, bytes?: number): Promise<Reply> {
  return new Promise((resolve) => ingestFrame(deps, writer, text, resolve, bytes));
}
