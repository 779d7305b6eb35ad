import type { Redis } from 'ioredis';
import type { z } from 'zod';
import type { CodeAnalysis } from '../../shared/analysis/index.ts';
import type { Keys } from '../../shared/keys.ts';
import { OUT_MAXLEN } from '../../shared/out.ts';
import { DecisionData } from '../../shared/protocol.ts';
import { scripts } from '../../shared/redis.ts';
import { encodeAsk, encodeOut, type AskEntry } from '../../shared/streams.ts';
import { OUTBOX_PREFIX } from './archive.ts';
import { pack, packExtra, readPacked } from './pack.ts';
import type { Candidate } from './candidates.ts';
import type { TriggerState } from './rules.ts';

// Per-session trigger state in P:state:<sessionId>, changed only through trigger-commit.lua
// (compare-and-set on `version`), so two replicas on one session cannot both ask.

export interface StateDeps {
  redis: Redis;
  keys: Keys;
  stateTtlSec: number;
}

const num = (v: string | undefined) => (v === undefined || v === '' ? null : Number(v));

function json<T>(v: string | undefined, fallback: T): T {
  if (!v) return fallback;
  try {
    return JSON.parse(v) as T;
  } catch {
    return fallback;
  }
}

/** Routine decisions committed but not yet archived (archive.ts), by outbox field. */
export function outboxOf(h: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k in h) if (k.startsWith(OUTBOX_PREFIX)) out[k] = h[k];
  return out;
}

export async function readState(deps: StateDeps, sessionId: string, outbox?: Record<string, string>): Promise<TriggerState> {
  const h = await deps.redis.hgetall(deps.keys.state(sessionId));
  if (outbox) Object.assign(outbox, outboxOf(h));
  return {
    version: h.version ?? '0',
    lastSeq: num(h.lastSeq),
    startedAt: num(h.startedAt),
    lastAskAt: num(h.lastAskAt),
    asked: Number(h.asked ?? 0),
    pending: h.pending ?? '',
    pendingSince: num(h.pendingSince),
    base: readPacked(h, 'base') ?? '',
    lastCode: readPacked(h, 'lastCode') ?? '',
    analysis: json<CodeAnalysis | null>(readPacked(h, 'analysis'), null),
    lastUpdateAt: num(h.lastUpdateAt),
    burstLines: Number(h.burstLines ?? 0),
    askedKeys: json<string[]>(h.askedKeys, []),
    backlog: json<Candidate[]>(h.backlog, []),
    pasteAt: num(h.pasteAt),
    pasteChars: Number(h.pasteChars ?? 0),
    language: h.language ?? '',
    cursor: json<TriggerState['cursor']>(h.cursor, null),
    boundary: h.boundary === '1',
    editLine: h.editLine ? Number(h.editLine) : null,
    lastTickAt: num(h.lastTickAt),
    answeredAt: num(h.answeredAt),
    ended: h.ended === '1',
  };
}

/** A decision as the outbox holds it (and the archive's payload). */
export const outboxValue = (d: z.infer<typeof DecisionData>): string => JSON.stringify(DecisionData.parse(d));

export type CommitResult = { status: 'ok'; askId: string } | { status: 'conflict' | 'stale' | 'busy'; value: string };

export async function commitDecision(
  deps: StateDeps,
  c: {
    /** seq of the code update, or null for a tick (which leaves lastSeq as it is) */
    sessionId: string; version: string; seq: number | null; now: number; ask: AskEntry | null; pendingTimeoutMs: number;
    /** the session's next wake time (nextWakeAt), or null to take it off the schedule */
    wakeAt: number | null;
    /** the decision for the archive (and interviewers, per audience), written in the same step so a crash cannot lose it */
    decision?: z.infer<typeof DecisionData>;
    audience?: 'interviewer' | 'audit';
    /**
     * Where an audit-only decision waits for the archive (archive.ts outboxField of the in entry):
     * given, such a decision goes to the outbox instead of the out stream, which only carries what
     * a socket shows. Absent, it is written to the out stream as before (kept for callers without
     * an in entry).
     */
    outboxField?: string;
    extra?: Record<string, string>;
  },
): Promise<CommitResult> {
  const askFields = c.ask ? encodeAsk(c.ask) : [];
  const audience = c.audience ?? 'interviewer';
  const toOutbox = c.decision !== undefined && audience === 'audit' && c.outboxField !== undefined;
  const decisionFields = c.decision && !toOutbox ? JSON.stringify(encodeOut('decision', c.decision, audience)) : '';
  const outbox = toOutbox ? [c.outboxField!, outboxValue(c.decision!)] : ['', ''];
  const keys = [deps.keys.state(c.sessionId), deps.keys.ask, deps.keys.out(c.sessionId), deps.keys.due];
  const [status, value] = (await scripts.triggerCommit.run(deps.redis, keys, [
    c.version, c.seq ?? '', c.ask ? 'ask' : 'skip', c.now, c.ask?.questionId ?? '', c.ask ? pack(c.ask.code) : '', deps.stateTtlSec,
    JSON.stringify(packExtra(c.extra ?? {})), decisionFields, OUT_MAXLEN, c.pendingTimeoutMs, c.wakeAt ?? '', c.sessionId, ...outbox, ...askFields,
  ])) as [string, string];
  return status === 'ok' ? { status, askId: value } : { status: status as 'conflict' | 'stale' | 'busy', value };
}

export async function markAnswered(deps: StateDeps, sessionId: string, questionId: string, at?: number): Promise<boolean> {
  return (await scripts.triggerAnswered.run(deps.redis, [deps.keys.state(sessionId)], [questionId, at === undefined ? '' : String(at)])) === 1;
}

/**
 * Puts the session's wake time on the schedule (or takes it off), only if the state is still at
 * `version`: a newer change has scheduled from newer state, and must not be overwritten.
 */
export async function schedule(deps: StateDeps, sessionId: string, version: string, wakeAt: number | null): Promise<boolean> {
  return (await scripts.triggerSchedule.run(deps.redis, [deps.keys.state(sessionId), deps.keys.due], [version, wakeAt ?? '', sessionId])) === 1;
}

/** The session ended: no more questions, nothing scheduled. */
export async function markEnded(deps: StateDeps, sessionId: string): Promise<void> {
  await scripts.triggerEnd.run(deps.redis, [deps.keys.state(sessionId), deps.keys.due], [sessionId, deps.stateTtlSec]);
}

/** Activity signals the next decision reads; they do not change the decision state's version. */
export async function recordEditorEvent(deps: StateDeps, sessionId: string, kind: string, at: number, chars: number): Promise<void> {
  const key = deps.keys.state(sessionId);
  const tx = deps.redis.multi();
  if (kind === 'paste') tx.hset(key, 'pasteAt', at, 'pasteChars', chars).hincrby(key, 'pastes', 1);
  if (kind === 'focus_lost') tx.hincrby(key, 'focusLost', 1);
  await tx.expire(key, deps.stateTtlSec).exec();
}

/** Deletes outbox fields once their decisions are archived (a field another replica deleted first is no matter). */
export async function clearOutbox(deps: StateDeps, sessionId: string, fields: string[]): Promise<void> {
  if (fields.length) await deps.redis.hdel(deps.keys.state(sessionId), ...fields);
}
