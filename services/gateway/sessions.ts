import type { Queryable } from '../../shared/db/pool.ts';
import { versionAt } from '../../shared/snapshots/read.ts';
import type { CreateSessionBody, SessionRow, SessionSettings } from '../../shared/session.ts';

// The gateway's SQL, one function per query.

export async function insertSession(db: Queryable, s: { id: string; body: CreateSessionBody; settings: SessionSettings; expiresAt: Date }): Promise<SessionRow> {
  const { rows } = await db.query<SessionRow>(
    `INSERT INTO sessions (id, candidate, problem, settings, expires_at) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
    [s.id, s.body.candidate, s.body.problem, s.settings, s.expiresAt],
  );
  return rows[0];
}

export interface SessionCounts {
  snapshots: number;
  lastSeq: number | null;
  questions: number;
  answers: number;
  evaluations: number;
  reportReady: boolean;
}

export async function selectSession(db: Queryable, id: string): Promise<(SessionRow & { counts: SessionCounts }) | null> {
  const { rows } = await db.query<SessionRow & { counts: SessionCounts }>(
    `SELECT s.*, json_build_object(
        'snapshots', (SELECT count(*) FROM code_snapshots c WHERE c.session_id = s.id),
        'lastSeq', (SELECT max(seq) FROM code_snapshots c WHERE c.session_id = s.id),
        'questions', (SELECT count(*) FROM interactions i WHERE i.session_id = s.id),
        'answers', (SELECT count(answer) FROM interactions i WHERE i.session_id = s.id),
        'evaluations', (SELECT count(evaluation) FROM interactions i WHERE i.session_id = s.id),
        'reportReady', EXISTS (SELECT 1 FROM reports r WHERE r.session_id = s.id)
      ) AS counts
     FROM sessions s WHERE s.id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

export async function selectSessions(db: Queryable, opts: { limit: number; before?: Date; status?: string }): Promise<SessionRow[]> {
  const { rows } = await db.query<SessionRow>(
    `SELECT * FROM sessions
      WHERE ($1::timestamptz IS NULL OR created_at < $1) AND ($2::text IS NULL OR status = $2)
      ORDER BY created_at DESC LIMIT $3`,
    [opts.before ?? null, opts.status ?? null, opts.limit],
  );
  return rows;
}

export interface CodeAt {
  seq: number;
  code: string;
  language: string;
  received_at: Date;
  stream_id: string;
}

/** The code as it stood at a seq or a moment: the last snapshot at or before it. */
export async function selectCodeAt(db: Queryable, sessionId: string, at: { seq: number } | { time: Date }): Promise<CodeAt | null> {
  const v = await versionAt(db, sessionId, at);
  return v && { seq: v.seq, code: v.code, language: v.language, received_at: v.received_at, stream_id: v.stream_id };
}

export async function selectReport(db: Queryable, sessionId: string): Promise<{ report: unknown; created_at: Date } | null> {
  const { rows } = await db.query<{ report: unknown; created_at: Date }>(`SELECT report, created_at FROM reports WHERE session_id = $1`, [sessionId]);
  return rows[0] ?? null;
}
