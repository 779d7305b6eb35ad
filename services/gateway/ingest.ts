import { AppError, toAppError } from '../../shared/errors.ts';
import { appendFrame, type IngestDeps, type Reply, type Writer } from '../../shared/ingest.ts';
import { parseClientFrame, peekClientId, type ClientFrame } from '../../shared/protocol.ts';

export { appendFrame, type IngestDeps, type Reply, type Writer };

// A socket frame, as text, to the reply the socket gets: parsed and checked here, appended by the
// shared write path. The ack goes out only after Redis has the entry.

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
