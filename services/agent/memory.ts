import type { Redis } from 'ioredis';
import type { Keys } from '../../shared/keys.ts';
import { scripts } from '../../shared/redis.ts';

// The session's conversation for the model, in Redis (P:chat:<sessionId>). The newest turns are kept
// verbatim; older ones are folded into a one-line-per-turn summary; and what reaches a prompt is cut
// to a character budget, newest first, so a long session never overflows the model's window.
// Appending is idempotent per turn key, so the handlers can re-append on every (re)delivery.

export interface Turn {
  role: 'interviewer' | 'candidate' | 'grader';
  text: string;
  at: number;
  questionId?: string;
  topic?: string | null;
  score?: number;
  /** identifies the turn so a redelivery does not add it twice; default `${questionId}:${role}` */
  key?: string;
}

export interface MemoryDeps {
  redis: Redis;
  keys: Keys;
  keepTurns?: number;
  summaryChars?: number;
  ttlSec?: number;
}

export interface ChatContext {
  summary: string;
  turns: Turn[];
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** One line that still says what happened once the turn itself is gone. */
export function digest(t: Turn): string {
  const text = clip(t.text.replace(/\s+/g, ' ').trim(), 120);
  if (t.role === 'interviewer') return `Asked${t.topic ? ` (${t.topic})` : ''}: ${text}`;
  if (t.role === 'grader') return `Graded ${t.score ?? '?'}/100: ${text}`;
  return `Answered: ${text}`;
}

/** The turn's idempotency key: one interviewer, one candidate and one grader turn per question. */
export function turnKey(t: Turn): string {
  return t.key ?? (t.questionId ? `${t.questionId}:${t.role}` : '');
}

export interface Appended {
  /** false when a turn with the same key was already in the history (a redelivery) */
  appended: boolean;
  /** turns folded into the summary to make room */
  folded: number;
}

/** Adds the turn once per key (chat-append.lua); a turn without a question is always added. */
export async function appendTurn(deps: MemoryDeps, sessionId: string, turn: Turn): Promise<Appended> {
  const key = turnKey(turn);
  const keep = deps.keepTurns ?? 12;
  const [appended, folded] = (await scripts.chatAppend.run(deps.redis, [deps.keys.chat(sessionId)], [
    JSON.stringify({ ...turn, ...(key ? { key } : {}), digest: digest(turn) }), keep, deps.summaryChars ?? 2000, deps.ttlSec ?? 7 * 24 * 3600,
    key, Math.max(32, keep * 4),
  ])) as [number, number];
  return { appended: Number(appended) === 1, folded: Number(folded) };
}

/** The history within `budgetChars`: the summary (if it fits) and the newest turns that fit after it. */
export async function chatContext(deps: MemoryDeps, sessionId: string, budgetChars = 6000): Promise<ChatContext> {
  const raw = await deps.redis.lrange(deps.keys.chat(sessionId), 0, -1);
  if (!raw.length) return { summary: '', turns: [] };
  const summary = (JSON.parse(raw[0]) as { text: string }).text;
  const all = raw.slice(1).map((r) => JSON.parse(r) as Turn);
  let left = budgetChars - Math.min(summary.length, Math.floor(budgetChars / 3));
  const turns: Turn[] = [];
  for (let i = all.length - 1; i >= 0 && left > 0; i--) {
    const t = { ...all[i], text: clip(all[i].text, Math.max(80, Math.min(all[i].text.length, left))) };
    left -= t.text.length;
    turns.unshift(t);
  }
  return { summary: clip(summary, Math.floor(budgetChars / 3)), turns };
}

/** Earlier questions for a prompt: the summary line first, then the questions still held verbatim. */
export function askedFrom(ctx: ChatContext): { question: string; topic: string | null }[] {
  const asked = ctx.turns.filter((t) => t.role === 'interviewer').map((t) => ({ question: t.text, topic: t.topic ?? null }));
  return ctx.summary ? [{ question: `Earlier in the session (summarised):\n${ctx.summary}`, topic: null }, ...asked] : asked;
}
