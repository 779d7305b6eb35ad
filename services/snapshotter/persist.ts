import { createHash } from 'node:crypto';
import type { Queryable } from '../../shared/db/pool.ts';
import type { StreamMessage } from '../../shared/consumer.ts';
import type { ArchiveRow } from '../../shared/archive.ts';
import type { InEntry } from '../../shared/streams.ts';
import { DEFAULT_POLICY, encodeVersion, type KeyframePolicy, type Tip } from './encode.ts';
import { TipCache } from './tips.ts';

// One batch of P:in entries → Postgres in one statement: every code_update as a snapshot, stored as
// a keyframe or a delta on an earlier version (encode.ts; idempotent on (session_id, seq)), every entry in the hash-chained archive (archive_events,
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

/** A snapshot as it goes into code_snapshots: the text (keyframe) or a delta, bytes in base64. */
export interface StoredSnapshotRow extends Omit<SnapshotRow, 'code'> {
  code: string | null;
  base_seq: number | null;
  delta: string | null;
  code_hash: string;
}

export interface EncodedSnapshots {
  rows: StoredSnapshotRow[];
  /** each session's newest version in this batch, for the cache once the rows are committed */
  tips: Map<string, { tip: Tip; rows: number }>;
}

/** Pure given the cache: every snapshot as a keyframe or a delta on the version before it. */
export function encodeSnapshots(tips: TipCache, policy: KeyframePolicy, snapshots: SnapshotRow[]): EncodedSnapshots {
  const bySession = new Map<string, SnapshotRow[]>();
  for (const s of snapshots) {
    const list = bySession.get(s.session_id);
    if (list) list.push(s);
    else bySession.set(s.session_id, [s]);
  }
  const out: EncodedSnapshots = { rows: [], tips: new Map() };
  for (const [sessionId, list] of bySession) {
    list.sort((a, b) => a.seq - b.seq);
    let tip: Tip | null = tips.get(sessionId) ?? null;
    for (const s of list) {
      const { code, ...meta } = s;
      const { form, tip: next } = encodeVersion(policy, tip, s.seq, code);
      out.rows.push({
        ...meta, code: form.code, base_seq: form.base_seq, delta: form.delta?.toString('base64') ?? null, code_hash: form.code_hash.toString('base64'),
      });
      tip = next;
    }
    out.tips.set(sessionId, { tip: tip!, rows: list.length });
  }
  return out;
}

const PERSIST_SQL = `
WITH snaps AS (
  INSERT INTO code_snapshots (session_id, seq, code, base_seq, delta, code_hash, language, bytes, lines, client_ts, stream_id, received_at)
  SELECT session_id, seq, code, base_seq, decode(delta, 'base64'), decode(code_hash, 'base64'), language, bytes, lines, client_ts, stream_id, received_at
    FROM jsonb_to_recordset($1::jsonb) AS x(session_id uuid, seq bigint, code text, base_seq bigint, delta text, code_hash text,
         language text, bytes int, lines int, client_ts float8, stream_id text, received_at timestamptz)
  ON CONFLICT (session_id, seq) DO NOTHING
  RETURNING session_id
)
SELECT (SELECT count(*) FROM snaps)::int AS snapshots, archive_events($2::jsonb) AS events,
       (SELECT coalesce(json_object_agg(session_id, n), '{}') FROM (SELECT session_id, count(*)::int AS n FROM snaps GROUP BY 1) x) AS inserted`;

// Ends are rare and go after the archive, in a statement of their own: inside the same statement
// the update's row lock would be taken before archive_events locks the batch's sessions in id
// order, and two replicas could then wait on each other. Idempotent (only an active session ends).
const END_SQL = `
UPDATE sessions s SET status = 'ended', ended_at = x.at, ended_by = x.role
  FROM (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(session_id uuid, role text, at timestamptz) ORDER BY session_id) x
 WHERE s.id = x.session_id AND s.status = 'active'`;

/**
 * Writes the plan in one statement. `tips` (the process's cache) supplies the versions deltas are
 * built on; without it every session's first version in the batch is a keyframe.
 */
export async function persistPlan(
  db: Queryable, plan: PersistPlan, tips: TipCache = new TipCache(), policy: KeyframePolicy = DEFAULT_POLICY,
): Promise<{ snapshots: number; events: number; ended: number }> {
  const encoded = encodeSnapshots(tips, policy, plan.snapshots);
  const { rows } = await db.query<{ snapshots: number; events: number; inserted: Record<string, number> }>(PERSIST_SQL, [
    JSON.stringify(encoded.rows), JSON.stringify(plan.archive),
  ]);
  const { inserted, ...counts } = rows[0];
  const ended = plan.ends.length ? ((await db.query(END_SQL, [JSON.stringify(plan.ends)])).rowCount ?? 0) : 0;
  for (const [sessionId, { tip, rows: planned }] of encoded.tips) {
    // A row already there (a redelivery) may sit on another chain than the one computed here: the
    // next delta is then built after a fresh keyframe rather than on a chain of unknown length. (A
    // delta of this batch on such a row makes that one chain longer than the policy's bound, at
    // most twice: it holds the same text, so it is still the right base.)
    if ((inserted[sessionId.toLowerCase()] ?? 0) === planned) tips.set(sessionId, tip);
    else tips.delete(sessionId);
  }
  return { ...counts, ended };
}
