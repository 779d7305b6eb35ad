import { diffLines } from 'diff';
import type { TriggerSettings } from './settings.ts';

// Explainable rules: every decision, ask or not, has a reason code and a sentence a person reads.

export interface TriggerState {
  version: string;
  lastSeq: number | null;
  startedAt: number | null;
  lastAskAt: number | null;
  asked: number;
  pending: string;
  base: string;
}

export interface TriggerInput {
  now: number;
  seq: number;
  code: string;
  state: TriggerState;
  settings: TriggerSettings;
}

export interface TriggerDecision {
  decision: 'ask' | 'skip';
  reasonCode: string;
  reason: string;
  context: { function?: string; lines?: [number, number]; topic?: string };
}

export function changedLines(before: string, after: string): number {
  let n = 0;
  for (const part of diffLines(before, after)) if (part.added || part.removed) n += part.count ?? 0;
  return n;
}

const secs = (ms: number) => Math.round(ms / 1000);

export function decide(input: TriggerInput): TriggerDecision {
  const { now, state, settings } = input;
  const skip = (reasonCode: string, reason: string): TriggerDecision => ({ decision: 'skip', reasonCode, reason, context: {} });
  if (state.pending) return skip('question_pending', 'A question is still waiting for its answer.');
  if (state.asked >= settings.maxQuestions) return skip('max_questions', `All ${settings.maxQuestions} questions for this session have been asked.`);
  const started = state.startedAt ?? now;
  if (now - started < settings.quietStartSec * 1000) {
    return skip('quiet_start', `The first ${settings.quietStartSec}s are left quiet so the candidate can settle in.`);
  }
  if (state.lastAskAt !== null && now - state.lastAskAt < settings.minIntervalSec * 1000) {
    return skip('min_interval', `Only ${secs(now - state.lastAskAt)}s since the last question; the minimum is ${settings.minIntervalSec}s.`);
  }
  const changed = changedLines(state.base, input.code);
  if (changed < settings.minDiffLines) {
    return skip('small_diff', `${changed} line(s) changed since the last question; waiting for at least ${settings.minDiffLines}.`);
  }
  const since = state.lastAskAt === null ? 'since the start' : `in the ${secs(now - state.lastAskAt)}s since the last question`;
  return { decision: 'ask', reasonCode: 'diff_threshold', reason: `${changed} lines changed ${since}.`, context: {} };
}
