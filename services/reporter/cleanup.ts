import type { Redis } from 'ioredis';
import { archiveOutStream } from '../../shared/archive.ts';
import type { Queryable } from '../../shared/db/pool.ts';
import type { Keys } from '../../shared/keys.ts';

// After the report and a grace period (so sockets can still resume), a session's out stream and
// working state leave Redis. Everything was archived first; the ingest key stays until its TTL so
// late frames still get session_closed.

export async function cleanupSession(deps: { redis: Redis; keys: Keys; db: Queryable }, sessionId: string): Promise<{ archived: number }> {
  const archived = await archiveOutStream(deps, sessionId);
  await deps.redis.del(deps.keys.out(sessionId), deps.keys.once(sessionId), deps.keys.chat(sessionId), deps.keys.state(sessionId));
  return { archived };
}
