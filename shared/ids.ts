import { createHash } from 'node:crypto';

// Ids derived from what caused them, so a redelivered message produces the same id and every
// write keyed by it is idempotent.

/** The trigger asks at most once per (session, seq). */
export function askRequestId(sessionId: string, seq: number): string {
  return `${sessionId}:${seq}`;
}

export function questionIdFor(requestId: string): string {
  return `q_${createHash('sha256').update(requestId).digest('hex').slice(0, 20)}`;
}

/**
 * A question asked on a tick (time passing, no new code): the code is the seq's, the moment is the
 * tick's, so two ticks on one seq ask under two ids.
 */
export function tickRequestId(sessionId: string, seq: number, at: number): string {
  return `${askRequestId(sessionId, seq)}@${at}`;
}

/** Whether a question request id was asked on this seq, on a code update or on a tick. */
export function isRequestIdFor(requestId: string, sessionId: string, seq: number): boolean {
  const base = askRequestId(sessionId, seq);
  return requestId === base || (requestId.startsWith(`${base}@`) && /^\d+$/.test(requestId.slice(base.length + 1)));
}
