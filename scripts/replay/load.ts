import type { ArchiveRow } from '../../shared/archive.ts';
import type { Queryable } from '../../shared/db/pool.ts';
import type { InteractionRow as SharedInteractionRow } from '../../shared/db/rows.ts';
import type { SessionSettings } from '../../shared/session.ts';
import { rebuildVersions } from '../../shared/snapshots/read.ts';
import { compareStreamIds, streamIdTime } from '../../shared/streams.ts';

// Everything a replay reads, from Postgres alone: the session, its archived events (with the exact
// text the hash chain was computed over), the code snapshots (every version rebuilt from its
// keyframe by shared/snapshots/read.ts), the interactions, the recorded model calls and the stored
// report. One query per table; nothing is read from Redis.

export interface EventRow extends Omit<ArchiveRow, 'at'> {
  id: number;
  /** payload::text, the exact text event_canonical() hashes */
  payload_text: string;
  /** epoch ms as event_canonical() prints it */
  at_text: string;
  at: number;
  /**
   * When Redis took the entry (its stream id's time): in and out stream ids come from one clock, so
   * this orders the two streams against each other even when the gateway's clock (`at` of an in
   * entry) is off.
   */
  order: number;
  prev_hash: string | null;
  hash: string | null;
}

/** A stored version, rebuilt from its keyframe; `code` null (and `error` why) when it could not be. */
export interface SnapshotRow {
  seq: number;
  code: string | null;
  error?: string;
  language: string;
  bytes: number;
  lines: number;
  stream_id: string;
  at: number;
}

/** The interaction with its time as epoch ms, for ordering against stream ids. */
export type InteractionRow = Omit<SharedInteractionRow, 'session_id' | 'answered_at' | 'asked_at'> & { asked_at: number };

export interface LlmCallRow {
  call_key: string;
  kind: string;
  interaction_id: string | null;
  provider: string;
  model: string;
  parsed_output: unknown;
  error: string | null;
  fallback: boolean;
  attempts: number;
}

export interface SessionInfo {
  id: string;
  status: string;
  settings: SessionSettings | null;
  created_at: number;
}

export interface SessionData {
  session: SessionInfo;
  events: EventRow[];
  snapshots: Map<number, SnapshotRow>;
  interactions: InteractionRow[];
  llmCalls: Map<string, LlmCallRow>;
  report: Record<string, unknown> | null;
}

const ms = (col: string) => `((extract(epoch FROM ${col}) * 1000)::bigint)::text`;

type WithMs<T, K extends string> = Omit<T, K> & { [P in K]: string };

export async function loadSession(db: Queryable, sessionId: string): Promise<SessionData | null> {
  const s = await db.query<WithMs<SessionInfo, 'created_at'>>(
    `SELECT id::text AS id, status, settings, ${ms('created_at')} AS created_at FROM sessions WHERE id = $1`, [sessionId],
  );
  if (!s.rows[0]) return null;
  // One after another: the caller may hand us a single client (a transaction), which runs one query at a time.
  const ev = await db.query<Omit<EventRow, 'at' | 'order' | 'id'> & { id: string }>(
    `SELECT id::text AS id, session_id::text AS session_id, stream, stream_id, type, role, payload, payload::text AS payload_text,
            ${ms('at')} AS at_text, prev_hash, hash
       FROM session_events WHERE session_id = $1 ORDER BY session_events.id`, [sessionId]);
  const snaps = await rebuildVersions(db, sessionId);
  const inter = await db.query<WithMs<InteractionRow, 'asked_at' | 'seq'>>(
    `SELECT id, request_id, seq::text AS seq, reason_code, reason, question, topic, line_from, line_to, context, provider, model,
            fallback, parent_id, ${ms('asked_at')} AS asked_at, answer, answer_stream_id, evaluation, score
       FROM interactions WHERE session_id = $1 ORDER BY interactions.asked_at, interactions.id`, [sessionId]);
  const calls = await db.query<LlmCallRow>(
    `SELECT call_key, kind, interaction_id, provider, model, parsed_output, error, fallback, attempts
       FROM llm_calls WHERE session_id = $1 ORDER BY llm_calls.id`, [sessionId]);
  const rep = await db.query<{ report: Record<string, unknown> }>('SELECT report FROM reports WHERE session_id = $1', [sessionId]);
  const row = s.rows[0];
  return {
    session: { ...row, created_at: Number(row.created_at) },
    events: ev.rows.map((r) => {
      const at = Number(r.at_text);
      const t = streamIdTime(r.stream_id);
      return { ...r, id: Number(r.id), at, order: Number.isFinite(t) && t > 0 ? t : at };
    }),
    snapshots: new Map(snaps.map((r) => [r.seq, {
      seq: r.seq, code: r.code, ...('error' in r ? { error: r.error } : {}), language: r.language, bytes: r.bytes, lines: r.lines,
      stream_id: r.stream_id, at: r.received_at.getTime(),
    }])),
    interactions: inter.rows.map((r) => ({ ...r, seq: Number(r.seq), asked_at: Number(r.asked_at) })),
    llmCalls: new Map(calls.rows.map((r) => [r.call_key, r])),
    report: rep.rows[0]?.report ?? null,
  };
}

/**
 * The session as it happened: in entries in stream order (the order every consumer group saw them),
 * out entries in theirs, merged by the time Redis took them; on a tie the in entry (the cause) first.
 * Archive order (id) is not session order: out entries are archived in batches, after the fact.
 */
export function inOrder(events: EventRow[]): EventRow[] {
  const ins = events.filter((e) => e.stream === 'in').sort((a, b) => compareStreamIds(a.stream_id, b.stream_id));
  const outs = events.filter((e) => e.stream === 'out').sort((a, b) => compareStreamIds(a.stream_id, b.stream_id));
  const merged: EventRow[] = [];
  let i = 0;
  let o = 0;
  while (i < ins.length || o < outs.length) {
    if (o >= outs.length || (i < ins.length && ins[i].order <= outs[o].order)) merged.push(ins[i++]);
    else merged.push(outs[o++]);
  }
  return merged;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

/** A row named the way a reader finds it again: id, stream, type, what it is about, stream id. */
export function describeRow(e: EventRow): string {
  const p = e.payload;
  let about = '';
  if (e.type === 'code_update' || e.type === 'decision') about = num(p.seq) !== undefined ? ` seq ${num(p.seq)}` : '';
  else if (str(p.questionId)) about = ` ${str(p.questionId)}`;
  else if (e.type === 'editor_event' && str(p.kind)) about = ` ${str(p.kind)}`;
  else if (e.type === 'tick') about = ` at ${e.at}`;
  return `session_events id ${e.id} (${e.stream} ${e.type}${about}, stream id ${e.stream_id})`;
}

export const payloadStr = str;
export const payloadNum = num;
