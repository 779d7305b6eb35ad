import type { Queryable } from '../../shared/db/pool.ts';
import type { ReportJob } from '../../shared/jobs.ts';
import type { Logger } from '../../shared/logger.ts';
import { emitOnce, type OutDeps } from '../../shared/out.ts';
import { buildReport } from './report.ts';
import { insertReport, selectEditorSignals, selectQuestions, selectSessionRow, selectSnapshotSummary } from './queries.ts';

export interface ReporterDeps extends OutDeps {
  db: Queryable;
  log: Logger;
  publicUrl: string;
  /** answers still being graded hold the report back this long after the job was created */
  waitForGradesMs: number;
}

export class GradesPending extends Error {}

/** Writes the session's report once, then tells its sockets. Safe to run twice or concurrently. */
export async function writeReport(deps: ReporterDeps, job: ReportJob, jobCreatedAt: Date, now = new Date()): Promise<'written' | 'exists' | 'missing'> {
  const session = await selectSessionRow(deps.db, job.sessionId);
  if (!session) return 'missing';
  const questions = await selectQuestions(deps.db, job.sessionId);
  const ungraded = questions.filter((q) => q.answer !== null && q.evaluation === null).length;
  if (ungraded && now.getTime() - jobCreatedAt.getTime() < deps.waitForGradesMs) {
    throw new GradesPending(`${ungraded} answer(s) still being graded`);
  }
  const [snapshots, signals] = await Promise.all([selectSnapshotSummary(deps.db, job.sessionId), selectEditorSignals(deps.db, job.sessionId)]);
  const report = buildReport({ session, questions, snapshots, signals, generatedAt: now });
  const provider = questions[0]?.provider ?? 'heuristic';
  const model = questions[0]?.model ?? 'heuristic-v1';
  const written = await insertReport(deps.db, { sessionId: job.sessionId, report, provider, model });
  await emitOnce(deps, job.sessionId, 'report', 'report_ready', { reportUrl: `${deps.publicUrl}/v1/sessions/${job.sessionId}/report` });
  deps.log.info({ sessionId: job.sessionId, written, reason: job.reason }, written ? 'report written' : 'report already existed');
  return written ? 'written' : 'exists';
}
