import PgBoss from 'pg-boss';
import type { Logger } from './logger.ts';

// pg-boss queues. The report queue is `stately` (one queued and one active job per session key)
// with a dead-letter queue; the report table's primary key is the final guarantee of one report.

export const REPORT_QUEUE = 'report';
export const REPORT_DLQ = 'report-dlq';

export interface ReportJob {
  sessionId: string;
  reason: 'end_session' | 'api' | 'expired';
}

export async function startBoss(databaseUrl: string, log: Logger, opts: { worker?: boolean } = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    max: 4,
    application_name: 'pg-boss',
    // Only workers run maintenance and cron; producers just insert jobs.
    supervise: opts.worker ?? false,
    schedule: opts.worker ?? false,
  });
  boss.on('error', (err: Error) => log.error({ err: err.message }, 'pg-boss error'));
  await boss.start();
  await boss.createQueue(REPORT_DLQ).catch(ignoreExists);
  await boss
    .createQueue(REPORT_QUEUE, { name: REPORT_QUEUE, policy: 'stately', deadLetter: REPORT_DLQ, retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: 300 })
    .catch(ignoreExists);
  return boss;
}

function ignoreExists(err: unknown): void {
  if (!(err instanceof Error) || !/already exists|duplicate key/i.test(err.message)) throw err;
}

/** Queues the session's report once (the singleton key dedupes while a job is queued or running). */
export async function queueReport(boss: PgBoss, job: ReportJob): Promise<string | null> {
  return boss.send(REPORT_QUEUE, job, { singletonKey: job.sessionId });
}
