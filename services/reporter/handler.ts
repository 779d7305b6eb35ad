import type { Redis } from 'ioredis';
import { archiveOutStream } from '../../shared/archive.ts';
import type { Queryable } from '../../shared/db/pool.ts';
import type { ReportJob } from '../../shared/jobs.ts';
import type { Keys } from '../../shared/keys.ts';
import type { Logger } from '../../shared/logger.ts';
import { emitOnce } from '../../shared/out.ts';
import { fieldsToRecord } from '../../shared/streams.ts';
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

/** The agent's consumer group on P:ask (services/agent/main.ts). */
const AGENT_GROUP = 'agent';
/** How many of the newest undelivered P:ask entries are looked at for the session's own requests. */
const UNDELIVERED_WINDOW = 200;
/** Upper bound on the pending P:ask entries inspected (the group's pending list is normally short). */
const PENDING_LIMIT = 1000;

type RawEntry = [id: string, fields: string[]];

const sessionOfEntry = (fields: string[]): string | undefined => fieldsToRecord(fields).sessionId;

/** The agent group's last-delivered id on P:ask, '0-0' when the group does not exist yet, null without the stream. */
async function lastDelivered(deps: ReporterDeps): Promise<string | null> {
  let groups: unknown;
  try {
    groups = await deps.redis.xinfo('GROUPS', deps.keys.ask);
  } catch (err) {
    if (err instanceof Error && /no such key/i.test(err.message)) return null;
    throw err;
  }
  for (const g of Array.isArray(groups) ? groups : []) {
    if (!Array.isArray(g)) continue;
    const info = new Map<string, unknown>();
    for (let i = 0; i + 1 < g.length; i += 2) info.set(String(g[i]), g[i + 1]);
    if (info.get('name') === AGENT_GROUP) return String(info.get('last-delivered-id') ?? '0-0');
  }
  return '0-0';
}

/**
 * A question request for this session that the agent has not finished: delivered and not yet
 * acknowledged (the agent may be between storing the question and showing it, or withdrawing it
 * because the session ended), or not delivered yet (the newest UNDELIVERED_WINDOW entries after the
 * group's last-delivered id). Reading is bounded either way: P:ask is shared by every session.
 */
async function askInFlight(deps: ReporterDeps, sessionId: string): Promise<string | null> {
  const delivered = await lastDelivered(deps);
  if (delivered === null) return null;
  const summary = (await deps.redis.xpending(deps.keys.ask, AGENT_GROUP).catch((err: unknown) => {
    if (err instanceof Error && /NOGROUP/.test(err.message)) return [0];
    throw err;
  })) as [number | string, ...unknown[]];
  const count = Math.min(Number(summary[0]) || 0, PENDING_LIMIT);
  if (count > 0) {
    const pending = (await deps.redis.xpending(deps.keys.ask, AGENT_GROUP, '-', '+', count)) as [string, string, number, number][];
    const entries = await Promise.all(pending.map(([id]) => deps.redis.xrange(deps.keys.ask, id, id) as Promise<RawEntry[]>));
    const mine = entries.flat().filter(([, f]) => sessionOfEntry(f) === sessionId).length;
    if (mine) return `${mine} question request(s) still being handled by the agent`;
  }
  const newest = (await deps.redis.xrevrange(deps.keys.ask, '+', `(${delivered}`, 'COUNT', UNDELIVERED_WINDOW)) as RawEntry[];
  const waiting = newest.filter(([, f]) => sessionOfEntry(f) === sessionId).length;
  return waiting ? `${waiting} question request(s) not yet delivered to the agent` : null;
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
