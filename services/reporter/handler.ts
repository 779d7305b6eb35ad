import type { Redis } from 'ioredis';
import { archiveOutStream } from '../../shared/archive.ts';
import type { Queryable } from '../../shared/db/pool.ts';
import { GROUPS } from '../../shared/groups.ts';
import type { ReportJob } from '../../shared/jobs.ts';
import type { Keys } from '../../shared/keys.ts';
import type { Logger } from '../../shared/logger.ts';
import { emitOnce } from '../../shared/out.ts';
import { unacknowledged } from '../../shared/progress.ts';
import { insertReport, loadReportInput } from './queries.ts';
import { buildReport } from './report.ts';
import { heuristicSummariser, recordSummary, type Summariser } from './summary/summariser.ts';

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
  /** writes the report's summary paragraph (summary/summariser.ts); default: the heuristic */
  summariser?: Summariser;
}

/** Thrown to let pg-boss retry later: the session's last work is still in flight. */
export class ReportNotReady extends Error {}

/** Upper bound on the P:ask entries looked at, pending and undelivered each (P:ask is shared by every session). */
const ASK_SCAN_LIMIT = 1000;

/**
 * A question request for this session that the agent has not finished: not yet acknowledged by the
 * agent's group on P:ask, which acknowledges a request only once its question is shown, withdrawn or
 * dropped (shared/groups.ts) — until then a question may still appear on the out stream.
 */
async function askInFlight(deps: ReporterDeps, sessionId: string): Promise<string | null> {
  const open = await unacknowledged(deps.redis, deps.keys.ask, GROUPS.ask.agent, (f) => f.sessionId === sessionId, ASK_SCAN_LIMIT);
  if (open.pending) return `${open.pending} question request(s) still being handled by the agent`;
  if (open.undelivered) return `${open.undelivered} question request(s) not yet delivered to the agent`;
  return open.complete ? null : `the agent has more than ${ASK_SCAN_LIMIT} question requests to go through`;
}

/**
 * What holds the report back: an answer stored but not graded; an answer archived (the snapshotter
 * stores P:in entries in session_events) to a question of this session but not yet stored by the
 * agent; a question request the agent still has; a snapshot the gateway accepted but the snapshotter
 * has not stored. The agent shows everything an answer produces before it stores the evaluation, so
 * once none of these holds, the out stream the reporter archives next is complete.
 */
async function stillInFlight(deps: ReporterDeps, sessionId: string): Promise<string | null> {
  const { rows } = await deps.db.query<{ ungraded: number; unstored: number; last_seq: number | null }>(
    `SELECT (SELECT count(*) FROM interactions WHERE session_id = $1 AND answer IS NOT NULL AND evaluation IS NULL)::int AS ungraded,
            (SELECT count(DISTINCT i.id) FROM session_events e
               JOIN interactions i ON i.session_id = e.session_id AND i.id = e.payload->>'questionId'
              WHERE e.session_id = $1 AND e.stream = 'in' AND e.type = 'response_submitted' AND i.answer IS NULL)::int AS unstored,
            (SELECT max(seq) FROM code_snapshots WHERE session_id = $1) AS last_seq`,
    [sessionId],
  );
  if (rows[0].ungraded) return `${rows[0].ungraded} answer(s) still being graded`;
  if (rows[0].unstored) return `${rows[0].unstored} answer(s) archived but not yet stored by the agent`;
  // The gateway's bookkeeping knows the last seq it accepted; the snapshotter may not have stored it yet.
  const accepted = await deps.redis.hget(deps.keys.ingest(sessionId), 'last');
  if (accepted !== null && Number(accepted) > (rows[0].last_seq ?? -1)) return `snapshots up to seq ${accepted} not stored yet`;
  return askInFlight(deps, sessionId);
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
    // The summary is written about the report as computed; the report then cites the recorded call,
    // which is what a rebuild (the audit replay) reads back from llm_calls.
    const summary = input.summary ?? await recordSummary(deps.db, deps.summariser ?? heuristicSummariser, sessionId, buildReport({ ...input, summary: null, generatedAt: now }));
    const report = buildReport({ ...input, summary, generatedAt: now });
    written = await insertReport(deps.db, { sessionId, report, provider: summary.provider, model: summary.model });
  }
  await emitOnce(deps, sessionId, 'report', 'report_ready', { reportUrl: `${deps.publicUrl}/v1/sessions/${sessionId}/report` });
  await archiveOutStream(deps, sessionId);
  await deps.scheduleCleanup(sessionId);
  deps.log.info({ sessionId, written, reason: job.reason }, written ? 'report written' : 'report already existed');
  return written ? 'written' : 'exists';
}
