import type { Redis } from 'ioredis';
import { archiveOutStream } from '../../shared/archive.ts';
import type { Queryable } from '../../shared/db/pool.ts';
import type { ReportJob } from '../../shared/jobs.ts';
import type { Keys } from '../../shared/keys.ts';
import type { Logger } from '../../shared/logger.ts';
import { emitOnce } from '../../shared/out.ts';
import { insertReport, loadReportInput } from './queries.ts';
import { buildReport } from './report.ts';

export interface ReporterDeps {
  redis: Redis;
  keys: Keys;
  db: Queryable;
  log: Logger;
  publicUrl: string;
  /** answers still being graded, or snapshots not yet stored, hold the report back this long */
  waitForGradesMs: number;
  /** schedules the deletion of the out stream after the grace period */
  scheduleCleanup: (sessionId: string) => Promise<unknown>;
}

/** Thrown to let pg-boss retry later: the session's last work is still in flight. */
export class ReportNotReady extends Error {}

async function stillInFlight(deps: ReporterDeps, sessionId: string): Promise<string | null> {
  const { rows } = await deps.db.query<{ ungraded: number; last_seq: number | null }>(
    `SELECT (SELECT count(*) FROM interactions WHERE session_id = $1 AND answer IS NOT NULL AND evaluation IS NULL)::int AS ungraded,
            (SELECT max(seq) FROM code_snapshots WHERE session_id = $1) AS last_seq`,
    [sessionId],
  );
  if (rows[0].ungraded) return `${rows[0].ungraded} answer(s) still being graded`;
  // The gateway's bookkeeping knows the last seq it accepted; the snapshotter may not have stored it yet.
  const accepted = await deps.redis.hget(deps.keys.ingest(sessionId), 'last');
  if (accepted !== null && Number(accepted) > (rows[0].last_seq ?? -1)) return `snapshots up to seq ${accepted} not stored yet`;
  return null;
}

/**
 * Writes the session's report once, then tells its sockets. Safe to run twice or concurrently (the
 * reports primary key decides), and after a crash at any point (every step is idempotent).
 */
export async function writeReport(deps: ReporterDeps, job: ReportJob, jobCreatedAt: Date, now = new Date()): Promise<'written' | 'exists' | 'missing'> {
  const { sessionId } = job;
  const existing = await deps.db.query('SELECT 1 FROM reports WHERE session_id = $1', [sessionId]);
  let written = false;
  if (!existing.rowCount) {
    const waiting = await stillInFlight(deps, sessionId);
    if (waiting && now.getTime() - jobCreatedAt.getTime() < deps.waitForGradesMs) throw new ReportNotReady(waiting);
    // Decisions and questions live in the out stream until archived; the report cites them.
    await archiveOutStream(deps, sessionId);
    const input = await loadReportInput(deps.db, sessionId);
    if (!input) return 'missing';
    const report = buildReport({ ...input, generatedAt: now });
    const first = input.questions[0];
    written = await insertReport(deps.db, { sessionId, report, provider: first?.provider ?? 'heuristic', model: first?.model ?? 'none' });
  }
  await emitOnce(deps, sessionId, 'report', 'report_ready', { reportUrl: `${deps.publicUrl}/v1/sessions/${sessionId}/report` });
  await archiveOutStream(deps, sessionId);
  await deps.scheduleCleanup(sessionId);
  deps.log.info({ sessionId, written, reason: job.reason }, written ? 'report written' : 'report already existed');
  return written ? 'written' : 'exists';
}
