import { createHash } from 'node:crypto';
import type { Queryable } from '../../shared/db/pool.ts';
import type { StreamMessage } from '../../shared/consumer.ts';
import type { ArchiveRow } from '../../shared/archive.ts';
import type { InEntry } from '../../shared/streams.ts';

// One batch of P:in entries → Postgres in one statement: every code_update as a snapshot
// (idempotent on (session_id, seq)), every entry in the hash-chained archive (archive_events,
// idempotent on its stream id), and the session marked ended on end_session. One round trip per
// batch, whatever its size.

export interface SnapshotRow {
  session_id: string;
  seq: number;
  code: string;
  language: string;
  bytes: number;
  lines: number;
  client_ts: number;
  stream_id: string;
  received_at: string;
}


export interface EndRow {
  session_id: string;
  role: string;
  at: string;
}

export interface PersistPlan {
  snapshots: SnapshotRow[];
  archive: ArchiveRow[];
  ends: EndRow[];
}

/** Lines as an editor shows them: a trailing newline does not start a new line. */
export function lineCount(code: string): number {
  if (code === '') return 0;
  const n = code.split('\n').length;
  return code.endsWith('\n') ? n - 1 : n;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Pure: what a batch means for the database. The archive keeps a code hash, not a second copy. */
export function planBatch(msgs: StreamMessage<InEntry>[]): PersistPlan {
  const plan: PersistPlan = { snapshots: [], archive: [], ends: [] };
  for (const { id, body } of msgs) {
    const at = new Date(body.at).toISOString();
    const f = body.frame;
    let payload: Record<string, unknown> = { ...f };
    if (f.type === 'code_update') {
      const { code, ...rest } = f;
      payload = { ...rest, codeSha256: sha256(code), bytes: Buffer.byteLength(code) };
      plan.snapshots.push({
        session_id: body.sessionId, seq: f.seq, code, language: f.language, bytes: Buffer.byteLength(code),
        lines: lineCount(code), client_ts: f.ts, stream_id: id, received_at: at,
      });
    }
    if (f.type === 'end_session') plan.ends.push({ session_id: body.sessionId, role: body.role, at });
    plan.archive.push({ session_id: body.sessionId, stream: 'in', stream_id: id, type: f.type, role: body.role, payload, at });
  }
  return plan;
}

const PERSIST_SQL = `
WITH snaps AS (
  INSERT INTO code_snapshots (session_id, seq, code, language, bytes, lines, client_ts, stream_id, received_at)
  SELECT session_id, seq, code, language, bytes, lines, client_ts, stream_id, received_at
    FROM jsonb_to_recordset($1::jsonb) AS x(session_id uuid, seq bigint, code text, language text, bytes int,
         lines int, client_ts float8, stream_id text, received_at timestamptz)
  ON CONFLICT (session_id, seq) DO NOTHING
  RETURNING 1
), ended AS (
  UPDATE sessions s SET status = 'ended', ended_at = x.at, ended_by = x.role
    FROM jsonb_to_recordset($3::jsonb) AS x(session_id uuid, role text, at timestamptz)
   WHERE s.id = x.session_id AND s.status = 'active'
  RETURNING s.id
)
SELECT (SELECT count(*) FROM snaps)::int AS snapshots, (SELECT count(*) FROM ended)::int AS ended,
       archive_events($2::jsonb) AS events`;

export async function persistPlan(db: Queryable, plan: PersistPlan): Promise<{ snapshots: number; events: number; ended: number }> {
  const { rows } = await db.query<{ snapshots: number; events: number; ended: number }>(PERSIST_SQL, [
    JSON.stringify(plan.snapshots), JSON.stringify(plan.archive), JSON.stringify(plan.ends),
  ]);
  return rows[0];
}
