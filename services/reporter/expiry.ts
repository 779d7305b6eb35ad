import type { Queryable } from '../../shared/db/pool.ts';
import { appendFrame, type IngestDeps } from '../../shared/ingest.ts';
import type { Logger } from '../../shared/logger.ts';

// Sessions whose time ran out end the way any session ends: an end_session on P:in (role
// `system`), so the snapshotter archives it and queues the report exactly as for the other two ways.

export async function sweepExpired(deps: { db: Queryable; ingest: IngestDeps; log: Logger }, now = new Date(), limit = 100): Promise<string[]> {
  const { rows } = await deps.db.query<{ id: string }>(
    `SELECT id FROM sessions WHERE status = 'active' AND expires_at <= $1 ORDER BY expires_at LIMIT $2`,
    [now, limit],
  );
  const ended: string[] = [];
  for (const { id } of rows) {
    const reply = await appendFrame(deps.ingest, { sessionId: id, role: 'system' }, { type: 'end_session' }, now.getTime());
    if (reply.type === 'ack') {
      ended.push(id);
      deps.log.info({ sessionId: id, streamId: reply.eventId }, 'session time ran out; ended');
    }
  }
  return ended;
}
