import type { Queryable } from '../../shared/db/pool.ts';
import type { SessionRow } from '../../shared/session.ts';

// The reporter's SQL, one function per query.

export async function selectSessionRow(db: Queryable, id: string): Promise<SessionRow | null> {
  const { rows } = await db.query<SessionRow>('SELECT * FROM sessions WHERE id = $1', [id]);
  return rows[0] ?? null;
}

export interface QuestionRow {
  id: string;
  seq: number;
  reason_code: string;
  reason: string;
  question: string;
  topic: string | null;
  line_from: number | null;
  line_to: number | null;
  provider: string;
  model: string;
  fallback: boolean;
  asked_at: Date;
  answer: string | null;
  answered_at: Date | null;
  evaluation: { score: number; rubric: Record<string, number>; rationale: string; flags: string[]; missing?: string[] } | null;
  score: number | null;
}

export async function selectQuestions(db: Queryable, sessionId: string): Promise<QuestionRow[]> {
  const { rows } = await db.query<QuestionRow>(
    `SELECT id, seq, reason_code, reason, question, topic, line_from, line_to, provider, model, fallback, asked_at,
            answer, answered_at, evaluation, score
       FROM interactions WHERE session_id = $1 ORDER BY asked_at, id`,
    [sessionId],
  );
  return rows;
}

export interface SnapshotSummary {
  count: number;
  first_at: Date | null;
  last_at: Date | null;
  final: { seq: number; code: string; language: string; lines: number } | null;
}

export async function selectSnapshotSummary(db: Queryable, sessionId: string): Promise<SnapshotSummary> {
  const { rows } = await db.query<SnapshotSummary>(
    `SELECT (SELECT count(*) FROM code_snapshots WHERE session_id = $1)::int AS count,
            (SELECT min(received_at) FROM code_snapshots WHERE session_id = $1) AS first_at,
            (SELECT max(received_at) FROM code_snapshots WHERE session_id = $1) AS last_at,
            (SELECT json_build_object('seq', seq, 'code', code, 'language', language, 'lines', lines)
               FROM code_snapshots WHERE session_id = $1 ORDER BY seq DESC LIMIT 1) AS final`,
    [sessionId],
  );
  return rows[0];
}

export async function selectEditorSignals(db: Queryable, sessionId: string): Promise<{ kind: string; count: number }[]> {
  const { rows } = await db.query<{ kind: string; count: number }>(
    `SELECT payload->>'kind' AS kind, count(*)::int AS count FROM session_events
      WHERE session_id = $1 AND stream = 'in' AND type = 'editor_event' GROUP BY 1 ORDER BY 1`,
    [sessionId],
  );
  return rows;
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
