import type { Queryable } from '../../shared/db/pool.ts';

// GET /v1/sessions/{id}/timeline: every archived in/out entry of a session, in order (time, then
// archive id), shaped per kind. Snapshots are metadata only (the code never leaves through here:
// the archive holds its hash, and a stray `code` field is dropped); question items carry what the
// interactions table knows about them (topic, trigger reason code, parent of a follow-up).

export const TIMELINE_LIMIT = 20_000;

interface EventRow {
  id: number;
  stream: 'in' | 'out';
  stream_id: string;
  type: string;
  role: string | null;
  payload: Record<string, unknown>;
  at: Date;
  snap_lines: number | null;
  snap_bytes: number | null;
  q_seq: number | null;
  q_topic: string | null;
  q_reason_code: string | null;
  q_parent_id: string | null;
}

export interface TimelineItem {
  at: string;
  kind: string;
  stream: 'in' | 'out';
  eventId: string;
  /** in: who sent it (candidate, interviewer, admin); out: who may see it (all, interviewer) */
  role: string | null;
  [field: string]: unknown;
}

export interface Timeline {
  sessionId: string;
  count: number;
  truncated: boolean;
  events: TimelineItem[];
}

const pick = (p: Record<string, unknown>, keys: string[]): Record<string, unknown> =>
  Object.fromEntries(keys.filter((k) => p[k] !== undefined).map((k) => [k, p[k]]));

function shape(r: EventRow): TimelineItem {
  const base = { at: r.at.toISOString(), stream: r.stream, eventId: r.stream_id, role: r.role };
  const p = r.payload ?? {};
  if (r.stream === 'in') {
    switch (r.type) {
      case 'code_update':
        return { ...base, kind: 'snapshot', ...pick(p, ['seq', 'language', 'cursor', 'codeSha256']), bytes: r.snap_bytes ?? p.bytes ?? null, lines: r.snap_lines, clientTs: p.ts };
      case 'editor_event':
        return { ...base, kind: 'editor_event', event: p.kind, ...pick(p, ['detail']), clientTs: p.ts };
      case 'response_submitted':
        return { ...base, kind: 'answer', ...pick(p, ['questionId', 'answer']), clientTs: p.ts };
      case 'end_session':
        return { ...base, kind: 'end_requested' };
      case 'tick':
        return { ...base, kind: 'tick', ...pick(p, ['due']) };
    }
  } else {
    switch (r.type) {
      case 'decision':
        return { ...base, kind: 'decision', ...pick(p, ['decision', 'reasonCode', 'reason', 'seq', 'requestId']) };
      case 'question':
        return {
          ...base, kind: 'question', ...pick(p, ['questionId', 'text', 'reason', 'lines']),
          seq: r.q_seq, topic: r.q_topic, reasonCode: r.q_reason_code, parentId: r.q_parent_id,
        };
      case 'answer_received':
        return { ...base, kind: 'answer_received', ...pick(p, ['questionId']) };
      case 'evaluation':
        return { ...base, kind: 'evaluation', ...pick(p, ['questionId', 'score', 'rubric', 'rationale', 'flags']) };
      case 'session_ended':
      case 'report_ready':
        return { ...base, kind: r.type, ...pick(p, ['reportUrl']) };
      case 'error':
        return { ...base, kind: 'error', ...pick(p, ['id', 'code', 'message']) };
    }
  }
  const { code: _code, ...rest } = p;
  return { ...base, kind: r.type, payload: rest };
}

/** Null when the session does not exist. */
export async function getTimeline(db: Queryable, sessionId: string, limit = TIMELINE_LIMIT): Promise<Timeline | null> {
  const exists = await db.query('SELECT 1 FROM sessions WHERE id = $1', [sessionId]);
  if (!exists.rowCount) return null;
  const { rows } = await db.query<EventRow>(
    `SELECT e.id, e.stream, e.stream_id, e.type, e.role, e.payload, e.at,
            c.lines AS snap_lines, c.bytes AS snap_bytes,
            i.seq AS q_seq, i.topic AS q_topic, i.reason_code AS q_reason_code, i.parent_id AS q_parent_id
       FROM session_events e
       LEFT JOIN code_snapshots c
         ON e.stream = 'in' AND e.type = 'code_update' AND c.session_id = e.session_id
        AND c.seq = CASE WHEN jsonb_typeof(e.payload->'seq') = 'number' THEN (e.payload->>'seq')::numeric::bigint END
       LEFT JOIN interactions i
         ON e.stream = 'out' AND e.type = 'question' AND i.session_id = e.session_id AND i.id = e.payload->>'questionId'
      WHERE e.session_id = $1
      ORDER BY e.at, e.id
      LIMIT $2`,
    [sessionId, limit + 1],
  );
  const truncated = rows.length > limit;
  const events = rows.slice(0, limit).map(shape);
  return { sessionId, count: events.length, truncated, events };
}
