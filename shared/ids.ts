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
