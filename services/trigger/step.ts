import { compareAnalyses, diffStats, type CodeAnalysis } from '../../shared/analysis/index.ts';
import { askRequestId, questionIdFor } from '../../shared/ids.ts';
import type { CodeUpdate } from '../../shared/protocol.ts';
import type { AskEntry } from '../../shared/streams.ts';
import { candidateKey } from './candidates.ts';
import { decide, type TriggerDecision, type TriggerState } from './rules.ts';
import type { TriggerSettings } from './settings.ts';

// One code update against the session's trigger state, as a pure function: the live handler
// commits its result through trigger-commit.lua, and the audit replay applies it in memory
// (applyStep mirrors what the script writes), so both decide from the same code.

export interface StepResult {
  decision: TriggerDecision;
  ask: AskEntry | null;
  /**
   * Every decision is recorded, so the archive holds the whole trigger timeline and an audit replay
   * knows exactly which updates were decided. Interviewers are shown every ask and a skip that holds
   * back something new; the rest is for the audit only (not every keystroke on their screen).
   */
  record: { decision: 'ask' | 'skip'; reasonCode: string; reason: string; seq: number; requestId?: string };
  audience: 'interviewer' | 'audit';
  /** state fields written besides the ones the script itself manages */
  extra: Record<string, string>;
}

/** A paste's size from the editor's detail, whichever shape the editor sends. */
export function pastedChars(detail: unknown): number {
  if (typeof detail === 'string') return detail.length;
  if (detail && typeof detail === 'object') {
    const d = detail as Record<string, unknown>;
    for (const k of ['chars', 'length', 'size']) if (typeof d[k] === 'number') return d[k] as number;
    if (typeof d.text === 'string') return d.text.length;
  }
  return 0;
}

export function step(sessionId: string, frame: CodeUpdate, at: number, state: TriggerState, settings: TriggerSettings, analysis: CodeAnalysis | null): StepResult {
  const changes = analysis ? compareAnalyses(state.analysis, analysis) : [];
  const decision = decide({
    now: at, state, settings, analysis, changes,
    sinceAsk: diffStats(state.base, frame.code), sinceLast: diffStats(state.lastCode, frame.code),
  });
  const requestId = askRequestId(sessionId, frame.seq);
  const c = decision.candidate;
  const ask: AskEntry | null = decision.decision === 'ask' && c
    ? {
        sessionId, requestId, seq: frame.seq, reasonCode: decision.reasonCode, reason: decision.reason, at,
        questionId: questionIdFor(requestId), language: frame.language, code: frame.code,
        context: { function: c.function, lines: c.lines, topic: c.topic, facts: c.facts },
      }
    : null;
  const record = { decision: decision.decision, reasonCode: decision.reasonCode, reason: decision.reason, seq: frame.seq, ...(ask ? { requestId } : {}) };
  const audience = ask || decision.newCandidate ? 'interviewer' as const : 'audit' as const;
  const extra: Record<string, string> = {
    lastCode: frame.code,
    analysis: analysis ? JSON.stringify(analysis) : '',
    lastUpdateAt: String(at),
    burstLines: String(decision.activity.burstLines),
    backlog: JSON.stringify(decision.backlog),
    askedKeys: JSON.stringify(c && ask ? [...state.askedKeys, candidateKey(c)] : state.askedKeys),
  };
  return { decision, ask, record, audience, extra };
}

/** The state after a step was committed, as trigger-commit.lua leaves it. */
export function applyStep(state: TriggerState, seq: number, at: number, result: Pick<StepResult, 'ask' | 'extra'>): TriggerState {
  const x = result.extra;
  const next: TriggerState = {
    ...state,
    version: String(Number(state.version) + 1),
    lastSeq: seq,
    startedAt: state.startedAt ?? at,
    lastCode: x.lastCode,
    analysis: x.analysis ? (JSON.parse(x.analysis) as CodeAnalysis) : null,
    lastUpdateAt: Number(x.lastUpdateAt),
    burstLines: Number(x.burstLines),
    backlog: JSON.parse(x.backlog) as TriggerState['backlog'],
    askedKeys: JSON.parse(x.askedKeys) as string[],
  };
  if (result.ask) Object.assign(next, { lastAskAt: at, pending: result.ask.questionId, pendingSince: at, base: result.ask.code, asked: state.asked + 1 });
  return next;
}

export function emptyState(): TriggerState {
  return {
    version: '0', lastSeq: null, startedAt: null, lastAskAt: null, asked: 0, pending: '', pendingSince: null, base: '', lastCode: '',
    analysis: null, lastUpdateAt: null, burstLines: 0, askedKeys: [], backlog: [], pasteAt: null, pasteChars: 0,
  };
}
