import type PgBoss from 'pg-boss';
import type { StreamMessage } from '../../shared/consumer.ts';
import type { Queryable } from '../../shared/db/pool.ts';
import { queueReport } from '../../shared/jobs.ts';
import type { Logger } from '../../shared/logger.ts';
import type { InEntry } from '../../shared/streams.ts';
import { persistPlan, planBatch } from './persist.ts';
import { TipCache } from './tips.ts';

export interface SnapshotterDeps {
  db: Queryable;
  boss: PgBoss;
  log: Logger;
  /** the process's newest version per session (deltas are built on it); one per process */
  tips?: TipCache;
}

/** A batch of P:in entries: persisted, then a report queued for every session that ended. */
export async function handleBatch(deps: SnapshotterDeps, msgs: StreamMessage<InEntry>[]): Promise<void> {
  const plan = planBatch(msgs);
  const result = await persistPlan(deps.db, plan, deps.tips ?? new TipCache());
  // After the commit: a crash here redelivers the batch, which is a no-op for the rows and the
  // job's singleton key keeps the report queued once.
  for (const end of plan.ends) {
    await queueReport(deps.boss, { sessionId: end.session_id, reason: end.role === 'admin' ? 'api' : end.role === 'system' ? 'expired' : 'end_session' });
  }
  deps.log.debug({ size: msgs.length, ...result }, 'batch persisted');
}
