import PgBoss from 'pg-boss';
import type { Logger } from './logger.ts';

// pg-boss queues. The report queue is `stately` (one queued and one active job per session key)
// with a dead-letter queue; the report table's primary key is the final guarantee of one report.

export const REPORT_QUEUE = 'report';
export const REPORT_DLQ = 'report-dlq';
/** deletes a session's out stream after its report was delivered and a grace period passed */
export const CLEANUP_QUEUE = 'session-cleanup';


export interface ReportJob {
  sessionId: string;
  reason: 'end_session' | 'api' | 'expired';
}

export async function startBoss(databaseUrl: string, log: Logger, opts: { worker?: boolean; maintenanceIntervalSeconds?: number } = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    max: 4,
    application_name: 'pg-boss',
    ...(opts.maintenanceIntervalSeconds ? { maintenanceIntervalSeconds: opts.maintenanceIntervalSeconds } : {}),
    // Only workers run maintenance and cron; producers just insert jobs.
    supervise: opts.worker ?? false,
    schedule: opts.worker ?? false,
  });
  boss.on('error', (err: Error) => log.error({ err: err.message }, 'pg-boss error'));
  await boss.start();
  await ensureQueue(boss, REPORT_DLQ, {});
  await ensureQueue(boss, REPORT_QUEUE, { policy: 'stately', deadLetter: REPORT_DLQ, retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: 300 });
  if (opts.worker) {
    await ensureQueue(boss, CLEANUP_QUEUE, { policy: 'stately', retryLimit: 5, retryDelay: 30, retryBackoff: true });
  }
  return boss;
}

/**
 * Creates a queue unless it exists. Several services start at once and pg-boss's create_queue can
 * deadlock against a concurrent one (seen here), so a deadlock is retried after a short jitter.
 */
async function ensureQueue(boss: PgBoss, name: string, options: Omit<PgBoss.Queue, 'name'>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    if (await boss.getQueue(name)) return;
    try {
      await boss.createQueue(name, { name, ...options });
      return;
    } catch (err) {
      const code = (err as { code?: string }).code;
      const transient = code === '40P01' || code === '23505' || /already exists/i.test(String(err));
      if (!transient || attempt >= 5) throw err;
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 200));
    }
  }
}

/** Queues the session's report once (the singleton key dedupes while a job is queued or running). */
export async function queueCleanup(boss: PgBoss, sessionId: string, afterSec: number): Promise<string | null> {
  return boss.send(CLEANUP_QUEUE, { sessionId }, { singletonKey: sessionId, startAfter: afterSec });
}

export async function queueReport(boss: PgBoss, job: ReportJob): Promise<string | null> {
  return boss.send(REPORT_QUEUE, job, { singletonKey: job.sessionId });
}
