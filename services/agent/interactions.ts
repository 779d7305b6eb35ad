import type { Queryable } from '../../shared/db/pool.ts';
import type { InteractionRow } from '../../shared/db/rows.ts';
import { versionAt } from '../../shared/snapshots/read.ts';

// The agent's SQL, one function per query. Every write is keyed so a redelivery changes nothing.

export type { InteractionRow };

export interface NewQuestion {
  id: string;
  sessionId: string;
  requestId: string;
  seq: number;
  reasonCode: string;
  reason: string;
  question: string;
  topic: string | null;
  lines: [number, number] | null;
  context: Record<string, unknown>;
  provider: string;
  model: string;
  fallback: boolean;
  askedAt: Date;
  parentId?: string | null;
}

/** Inserts the question unless this request already produced one; returns the stored row either way. */
export async function insertQuestion(db: Queryable, q: NewQuestion): Promise<InteractionRow> {
  const { rows } = await db.query<InteractionRow>(
    `WITH ins AS (
       INSERT INTO interactions (id, session_id, request_id, seq, reason_code, reason, question, topic, line_from, line_to,
                                 context, provider, model, fallback, asked_at, parent_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
       ON CONFLICT (request_id) DO NOTHING RETURNING *)
     SELECT * FROM ins UNION ALL SELECT * FROM interactions WHERE request_id = $3 LIMIT 1`,
    [q.id, q.sessionId, q.requestId, q.seq, q.reasonCode, q.reason, q.question, q.topic, q.lines?.[0] ?? null, q.lines?.[1] ?? null,
      q.context, q.provider, q.model, q.fallback, q.askedAt, q.parentId ?? null],
  );
  if (rows[0]) return rows[0];
  // A concurrent insert won, but committed after this statement's snapshot: read it afresh.
  const winner = await selectByRequest(db, q.requestId);
  if (!winner) throw new Error(`question for ${q.requestId} vanished`);
  return winner;
}

export async function selectByRequest(db: Queryable, requestId: string): Promise<InteractionRow | null> {
  const { rows } = await db.query<InteractionRow>('SELECT * FROM interactions WHERE request_id = $1', [requestId]);
  return rows[0] ?? null;
}

/** The code as it stood at a seq (the last version at or before it). */
export async function codeAt(db: Queryable, sessionId: string, seq: number): Promise<{ code: string; language: string } | null> {
  const v = await versionAt(db, sessionId, { seq });
  return v && { code: v.code, language: v.language };
}

export async function selectInteraction(db: Queryable, sessionId: string, id: string): Promise<InteractionRow | null> {
  const { rows } = await db.query<InteractionRow>('SELECT * FROM interactions WHERE session_id = $1 AND id = $2', [sessionId, id]);
  return rows[0] ?? null;
}

/** The first answer wins; a second submission or a redelivery leaves it as it was. */
export async function recordAnswer(db: Queryable, a: { sessionId: string; id: string; answer: string; streamId: string; at: Date }): Promise<InteractionRow | null> {
  await db.query(
    `UPDATE interactions SET answer = $3, answer_stream_id = $4, answered_at = $5
      WHERE session_id = $1 AND id = $2 AND answer IS NULL`,
    [a.sessionId, a.id, a.answer, a.streamId, a.at],
  );
  return selectInteraction(db, a.sessionId, a.id);
}

export async function recordEvaluation(db: Queryable, e: { sessionId: string; id: string; evaluation: Record<string, unknown>; score: number }): Promise<void> {
  await db.query(
    `UPDATE interactions SET evaluation = $3, score = $4, evaluated_at = now()
      WHERE session_id = $1 AND id = $2 AND evaluation IS NULL`,
    [e.sessionId, e.id, e.evaluation, e.score],
  );
}
