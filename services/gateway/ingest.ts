import { AppError, toAppError } from '../../shared/errors.ts';
import { appendEncoded, appendFrame, type IngestDeps, type Reply, type Writer } from '../../shared/ingest.ts';
import { parseClientText, peekClientId, type ClientFrame } from '../../shared/protocol.ts';
import { encodeIn, encodeInText } from '../../shared/streams.ts';

export { appendFrame, type IngestDeps, type Reply, type Writer };

// A socket frame, as text, to the reply the socket gets: parsed and checked here, appended by the
// shared write path. The ack goes out only after Redis has the entry.

const NOT_STORED: Omit<Extract<Reply, { type: 'error' }>, 'id'> = { type: 'error', code: 'internal', message: 'the frame could not be stored; resend it' };

/**
 * One socket frame, as text, to the reply the socket gets. Never rejects. The frame is handed to
 * the write path before this returns, so frames reach Redis in the order this is called.
 * `bytes`: the frame's UTF-8 size, when the caller knows it.
 */
export function ingestText(deps: IngestDeps, writer: Writer, text: string, bytes?: number, now = Date.now()): Promise<Reply> {
  let frame: ClientFrame;
  let verbatim: boolean;
  try {
    ({ frame, verbatim } = parseClientText(text, deps.limits, bytes));
  } catch (err) {
    const e = toAppError(err);
    return Promise.resolve({ type: 'error', id: peekClientId(text), code: e.code, message: e.message });
  }
  if (writer.role === 'interviewer') {
    const e = new AppError('forbidden', 'an interviewer socket reads only');
    return Promise.resolve({ type: 'error', id: frame.id, code: e.code, message: e.message });
  }
  // The client's own text when it says exactly what was validated: no second JSON.stringify.
  const fields = verbatim
    ? encodeInText(writer.sessionId, writer.role, frame.type, text, now)
    : encodeIn({ sessionId: writer.sessionId, role: writer.role, frame, at: now });
  const notStored = (): Reply => ({ ...NOT_STORED, id: frame.id });
  try {
    return appendEncoded(deps, writer, frame, fields).catch(notStored);
  } catch {
    return Promise.resolve(notStored());
  }
}
