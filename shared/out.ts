import type { Redis } from 'ioredis';
import type { Keys } from './keys.ts';
import type { Audience, OutPayload, OutType } from './protocol.ts';
import { scripts } from './redis.ts';
import { encodeOut } from './streams.ts';

// Writes to a session's out stream. Every writer goes through emitOnce with an id derived from the
// message it handles, so a redelivery after a crash never shows the same frame twice.

export interface OutDeps {
  redis: Redis;
  keys: Keys;
}

/** Out streams are deleted after the report (step 3); this cap only bounds a runaway session. */
export const OUT_MAXLEN = 10_000;
const ONCE_TTL_SEC = 7 * 24 * 3600;

export async function emitOnce<T extends OutType>(
  deps: OutDeps,
  sessionId: string,
  dedupeId: string,
  type: T,
  data: OutPayload<T>,
  audience: Audience = 'all',
): Promise<string> {
  const fields = encodeOut(type, data, audience);
  const id = await scripts.emitOnce.run(deps.redis, [deps.keys.out(sessionId), deps.keys.once(sessionId)], [
    `${type}:${dedupeId}`, ONCE_TTL_SEC, OUT_MAXLEN, ...fields,
  ]);
  return String(id);
}

/**
 * emitOnce for a question, refused atomically once the session has ended (the ingest hash's
 * `closed` flag, set by ingest-batch.lua together with session_ended). Returns the entry id — the existing
 * one when the question was already shown, even if the session has ended since — or null when the
 * session ended first and nothing was written.
 */
export async function emitQuestionOnce(
  deps: OutDeps,
  sessionId: string,
  dedupeId: string,
  data: OutPayload<'question'>,
): Promise<string | null> {
  const fields = encodeOut('question', data, 'all');
  const [status, id] = (await scripts.emitQuestion.run(deps.redis, [deps.keys.out(sessionId), deps.keys.once(sessionId), deps.keys.ingest(sessionId)], [
    `question:${dedupeId}`, ONCE_TTL_SEC, OUT_MAXLEN, ...fields,
  ])) as [string, string];
  if (status === 'closed') return null;
  if (status !== 'ok') throw new Error(`emit-question script returned ${status}`);
  return id;
}
