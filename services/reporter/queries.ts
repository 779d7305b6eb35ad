import { analyzeCode, type CodeAnalysis } from '../../shared/analysis/index.ts';
import type { Queryable } from '../../shared/db/pool.ts';
import type { InteractionRow } from '../../shared/db/rows.ts';
import type { SessionRow } from '../../shared/session.ts';
import { versionAt, versionsAt } from '../../shared/snapshots/read.ts';
import type { MomentDecisionRow } from './not-asked.ts';
import type { ReportInput } from './report.ts';

// The reporter's SQL, one function per query, and loadReportInput, which gathers all of it (plus the
// static analysis of the final code) so that buildReport stays pure.

export async function selectSessionRow(db: Queryable, id: string): Promise<SessionRow | null> {
  const { rows } = await db.query<SessionRow>('SELECT * FROM sessions WHERE id = $1', [id]);
  return rows[0] ?? null;
}

/** The evaluation jsonb the agent stores: the grade plus which provider produced it. */
export interface EvaluationJson {
  score: number;
  rubric: Record<string, number>;
  rationale: string;
  flags: string[];
  missing?: string[];
  commitment?: string;
  followUp?: string;
  provider?: string;
  model?: string;
  fallback?: boolean;
}

/** The interaction as the report reads it (no working context, the grade typed). */
export type QuestionRow = Omit<InteractionRow, 'session_id' | 'context' | 'answer_stream_id' | 'evaluation'> & { evaluation: EvaluationJson | null };

export async function selectQuestions(db: Queryable, sessionId: string): Promise<QuestionRow[]> {
  const { rows } = await db.query<QuestionRow>(
    `SELECT id, request_id, parent_id, seq, reason_code, reason, question, topic, line_from, line_to, provider, model, fallback,
            asked_at, answer, answered_at, evaluation, score
       FROM interactions WHERE session_id = $1 ORDER BY asked_at, id`,
    [sessionId],
  );
  return rows;
}

export interface SnapshotSummary {
  count: number;
  first_at: Date | string | null;
  last_at: Date | string | null;
  final: { seq: number; code: string; language: string; lines: number } | null;
}

export async function selectSnapshotSummary(db: Queryable, sessionId: string): Promise<SnapshotSummary> {
  const { rows } = await db.query<Omit<SnapshotSummary, 'final'>>(
    `SELECT count(*)::int AS count, min(received_at) AS first_at, max(received_at) AS last_at
       FROM code_snapshots WHERE session_id = $1`,
    [sessionId],
  );
  const v = await versionAt(db, sessionId, 'latest');
  return { ...rows[0], final: v && { seq: v.seq, code: v.code, language: v.language, lines: v.lines } };
}

export interface SizePoint {
  seq: number;
  at: Date | string;
  lines: number;
  bytes: number;
}

/** Code size over time, evenly sampled to at most `max` points (the first and last always kept). */
export async function selectSizeSeries(db: Queryable, sessionId: string, max = 200): Promise<SizePoint[]> {
  const { rows } = await db.query<SizePoint>(
    `WITH s AS (
       SELECT seq, received_at, lines, bytes, row_number() OVER (ORDER BY seq) AS rn, count(*) OVER () AS n
         FROM code_snapshots WHERE session_id = $1)
     SELECT seq, received_at AS at, lines, bytes FROM s
      WHERE n <= $2 OR (rn - 1) % ceil(n::numeric / ($2 - 1))::int = 0 OR rn = n
      ORDER BY seq`,
    [sessionId, Math.max(2, max)],
  );
  return rows;
}

export interface GrowthJump {
  seq: number;
  at: Date | string;
  lines: number;
  linesAdded: number;
  bytesAdded: number;
}

/** The single update that added the most lines (a large paste or a rewrite shows here). */
export async function selectLargestGrowth(db: Queryable, sessionId: string): Promise<GrowthJump | null> {
  const { rows } = await db.query<GrowthJump>(
    `SELECT seq, at, lines, "linesAdded", "bytesAdded" FROM (
       SELECT seq, received_at AS at, lines,
              lines - coalesce(lag(lines) OVER w, 0) AS "linesAdded", bytes - coalesce(lag(bytes) OVER w, 0) AS "bytesAdded"
         FROM code_snapshots WHERE session_id = $1 WINDOW w AS (ORDER BY seq)) j
      ORDER BY "linesAdded" DESC, seq LIMIT 1`,
    [sessionId],
  );
  return rows[0] ?? null;
}

export interface DecisionRow {
  eventId: string;
  at: Date | string;
  decision: string;
  reasonCode: string;
  reason: string;
  seq: number | null;
  requestId: string | null;
}

/** The trigger's decisions as archived from the out stream (interviewer audience). */
export async function selectDecisions(db: Queryable, sessionId: string): Promise<DecisionRow[]> {
  const { rows } = await db.query<DecisionRow>(
    `SELECT stream_id AS "eventId", at, payload->>'decision' AS decision, payload->>'reasonCode' AS "reasonCode",
            payload->>'reason' AS reason, (payload->>'seq')::bigint AS seq, payload->>'requestId' AS "requestId"
       FROM session_events WHERE session_id = $1 AND stream = 'out' AND type = 'decision' AND role IS DISTINCT FROM 'audit'
      ORDER BY at, id`,
    [sessionId],
  );
  return rows;
}

/** Every trigger decision (audit ones too), with the moments it held back and asked: for "not asked". */
export async function selectMomentDecisions(db: Queryable, sessionId: string): Promise<MomentDecisionRow[]> {
  const { rows } = await db.query<MomentDecisionRow>(
    `SELECT at, (payload->>'seq')::int AS seq, payload->>'decision' AS decision, payload->>'reasonCode' AS "reasonCode",
            payload->'held' AS held, payload->'asked' AS asked
       FROM session_events WHERE session_id = $1 AND stream = 'out' AND type = 'decision'
      ORDER BY at, id`,
    [sessionId],
  );
  return rows;
}

export interface EditorEventRow {
  eventId: string;
  at: Date | string;
  kind: string;
  detail: unknown;
}

export async function selectEditorEvents(db: Queryable, sessionId: string): Promise<EditorEventRow[]> {
  const { rows } = await db.query<EditorEventRow>(
    `SELECT stream_id AS "eventId", at, payload->>'kind' AS kind, payload->'detail' AS detail
       FROM session_events WHERE session_id = $1 AND stream = 'in' AND type = 'editor_event' ORDER BY at, id`,
    [sessionId],
  );
  return rows;
}

export async function selectEditorSignals(db: Queryable, sessionId: string): Promise<{ kind: string; count: number }[]> {
  const { rows } = await db.query<{ kind: string; count: number }>(
    `SELECT payload->>'kind' AS kind, count(*)::int AS count FROM session_events
      WHERE session_id = $1 AND stream = 'in' AND type = 'editor_event' GROUP BY 1 ORDER BY 1`,
    [sessionId],
  );
  return rows;
}

/** The code as it stood at each of these seqs (the last snapshot at or before it), keyed by the asked seq. */
export async function selectCodeAtSeqs(db: Queryable, sessionId: string, seqs: number[]): Promise<{ seq: number; code: string }[]> {
  const found = await versionsAt(db, sessionId, seqs);
  return [...found].sort(([a], [b]) => a - b).map(([seq, v]) => ({ seq, code: v.code }));
}

/** The report's summary paragraph as recorded in llm_calls (the output is validated where it is read). */
export interface RecordedSummary {
  output: unknown;
  provider: string;
  model: string;
  fallback: boolean;
}

export const summaryCallKey = (sessionId: string) => `${sessionId}:summary`;

/** The recorded summary call of a session, if there is one (what a rebuild of the report reads). */
export async function selectSummary(db: Queryable, sessionId: string): Promise<RecordedSummary | null> {
  const { rows } = await db.query<RecordedSummary & { parsed_output: unknown }>(
    `SELECT parsed_output, provider, model, fallback FROM llm_calls WHERE call_key = $1 AND status = 'done'`, [summaryCallKey(sessionId)],
  );
  const r = rows[0];
  return r ? { output: r.parsed_output, provider: r.provider, model: r.model, fallback: r.fallback } : null;
}

export type Analyze = (code: string, language: string) => Promise<CodeAnalysis | null>;

/**
 * Everything buildReport needs, read from Postgres, plus the static analysis of the final code.
 * Null when the session does not exist. The caller adds `generatedAt`.
 */
export async function loadReportInput(db: Queryable, sessionId: string, analyze: Analyze = analyzeCode): Promise<Omit<ReportInput, 'generatedAt'> | null> {
  const session = await selectSessionRow(db, sessionId);
  if (!session) return null;
  const [questions, snapshots, series, growth, decisions, editorEvents, moments, summary] = await Promise.all([
    selectQuestions(db, sessionId), selectSnapshotSummary(db, sessionId), selectSizeSeries(db, sessionId),
    selectLargestGrowth(db, sessionId), selectDecisions(db, sessionId), selectEditorEvents(db, sessionId),
    selectMomentDecisions(db, sessionId), selectSummary(db, sessionId),
  ]);
  const codeAt = await selectCodeAtSeqs(db, sessionId, questions.filter((q) => q.line_from !== null).map((q) => q.seq));
  let analysis: CodeAnalysis | null = null;
  if (snapshots.final) {
    // A grammar that fails to load costs the report its static facts, not the report.
    analysis = await analyze(snapshots.final.code, snapshots.final.language).catch(() => null);
  }
  return { session, questions, snapshots, series, growth, decisions, editorEvents, moments, codeAt, analysis, summary };
}

/** Inserts the report unless one exists; returns true when this call wrote it. */
export async function insertReport(db: Queryable, r: { sessionId: string; report: unknown; provider: string; model: string }): Promise<boolean> {
  const res = await db.query(
    `INSERT INTO reports (session_id, report, provider, model) VALUES ($1, $2, $3, $4) ON CONFLICT (session_id) DO NOTHING`,
    [r.sessionId, r.report, r.provider, r.model],
  );
  await db.query(`UPDATE sessions SET status = 'reported', ended_at = coalesce(ended_at, now()) WHERE id = $1 AND status <> 'reported'`, [r.sessionId]);
  return res.rowCount === 1;
}
