import { compareAnalyses, diffStats, type CodeAnalysis, type DiffStats } from '../../shared/analysis/index.ts';
import { askRequestId, questionIdFor, tickRequestId } from '../../shared/ids.ts';
import type { z } from 'zod';
import type { CodeUpdate, MomentData } from '../../shared/protocol.ts';
import type { AskEntry } from '../../shared/streams.ts';
import { readBoundary } from './boundary.ts';
import { candidateKey, type Candidate } from './candidates.ts';
import { decide, nextWakeAt, type TriggerDecision, type TriggerState } from './rules.ts';
import type { TriggerSettings } from './settings.ts';

// One code update, or one tick (time passing), against the session's trigger state, as a pure
// function: the live handler commits its result through trigger-commit.lua, and the audit replay
// applies it in memory (applyStep mirrors what the script writes), so both decide from the same code.

/** A moment worth a question, as a decision records it (shared/protocol.ts MomentData). */
export type Moment = z.infer<typeof MomentData>;

export interface StepResult {
  decision: TriggerDecision;
  ask: AskEntry | null;
  /**
   * Every decision is recorded, so the archive holds the whole trigger timeline and an audit replay
   * knows exactly which updates and ticks were decided. Interviewers are shown every ask and a skip
   * that holds back something new; the rest is for the audit only (not every keystroke on their screen).
   */
  record: {
    decision: 'ask' | 'skip'; reasonCode: string; reason: string; seq: number; requestId?: string;
    tick?: number; held?: Moment[]; asked?: Moment;
  };
  audience: 'interviewer' | 'audit';
  /** state fields written besides the ones the script itself manages */
  extra: Record<string, string>;
  /** when time alone could change the next decision (nextWakeAt of the state after this step) */
  wakeAt: number | null;
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

export function momentOf(c: Candidate): Moment {
  return {
    key: candidateKey(c), reasonCode: c.reasonCode, topic: c.topic, sentence: c.sentence,
    ...(c.function ? { function: c.function } : {}), ...(c.lines ? { lines: c.lines } : {}),
  };
}

const NO_CHANGE: DiffStats = { added: 0, removed: 0, changedLines: [] };
const keysOf = (cs: Candidate[]) => cs.map(candidateKey).join('\n');

/** What both kinds of step share: the ask, the record, the audience and the state they leave. */
function finish(
  sessionId: string, at: number, state: TriggerState, settings: TriggerSettings, decision: TriggerDecision,
  src: { seq: number; code: string; language: string; requestId: string; tick?: number }, extra: Record<string, string>,
): StepResult {
  const c = decision.candidate;
  const ask: AskEntry | null = decision.decision === 'ask' && c
    ? {
        sessionId, requestId: src.requestId, seq: src.seq, reasonCode: decision.reasonCode, reason: decision.reason, at,
        questionId: questionIdFor(src.requestId), language: src.language, code: src.code,
        context: { function: c.function, lines: c.lines, topic: c.topic, facts: c.facts },
      }
    : null;
  const heldChanged = keysOf(decision.backlog) !== keysOf(state.backlog);
  const record: StepResult['record'] = {
    decision: decision.decision, reasonCode: decision.reasonCode, reason: decision.reason, seq: src.seq,
    ...(ask ? { requestId: src.requestId } : {}), ...(src.tick !== undefined ? { tick: src.tick } : {}),
    ...(heldChanged ? { held: decision.backlog.map(momentOf) } : {}), ...(ask && c ? { asked: momentOf(c) } : {}),
  };
  const audience = ask || decision.newCandidate ? 'interviewer' as const : 'audit' as const;
  const all: Record<string, string> = {
    ...extra,
    burstLines: String(decision.activity.burstLines),
    backlog: JSON.stringify(decision.backlog),
    askedKeys: JSON.stringify(c && ask ? [...state.askedKeys, candidateKey(c)] : state.askedKeys),
    // What the follow-up script (trigger-follow-up.lua) needs from the settings, kept with the state.
    maxQuestions: String(settings.maxQuestions),
    followUpsCount: settings.followUpsCount === false ? '0' : '1',
  };
  const result = { decision, ask, record, audience, extra: all, wakeAt: null as number | null };
  result.wakeAt = nextWakeAt(applyStep(state, src.tick === undefined ? src.seq : state.lastSeq, at, result), settings);
  return result;
}

export function step(sessionId: string, frame: CodeUpdate, at: number, state: TriggerState, settings: TriggerSettings, analysis: CodeAnalysis | null): StepResult {
  const changes = analysis ? compareAnalyses(state.analysis, analysis) : [];
  const sinceLast = diffStats(state.lastCode, frame.code);
  const { boundary, line } = readBoundary(frame.code, frame.cursor, analysis, sinceLast, state.lastCode);
  const decision = decide({
    now: at, state, settings, analysis, changes, sinceAsk: diffStats(state.base, frame.code), sinceLast, boundary, code: frame.code, editLine: line,
  });
  return finish(sessionId, at, state, settings, decision,
    { seq: frame.seq, code: frame.code, language: frame.language, requestId: askRequestId(sessionId, frame.seq) },
    {
      lastCode: frame.code,
      analysis: analysis ? JSON.stringify(analysis) : '',
      lastUpdateAt: String(at),
      language: frame.language,
      cursor: frame.cursor ? JSON.stringify(frame.cursor) : '',
      boundary: boundary ? '1' : '0',
      editLine: line === null ? '' : String(line),
    });
}

/**
 * Time passed with no new code: the same decision as for a code update, on the last code the
 * trigger saw and its stored analysis (no re-parse), with the pause the quiet time makes. A held-back
 * candidate is asked here when its gate has opened; a pause after a burst of work is a moment itself.
 */
export function tickStep(sessionId: string, at: number, state: TriggerState, settings: TriggerSettings): StepResult {
  const seq = state.lastSeq ?? 0;
  const decision = decide({
    now: at, state, settings, analysis: state.analysis, changes: [], tick: true, boundary: state.boundary, code: state.lastCode, editLine: state.editLine,
    sinceAsk: diffStats(state.base, state.lastCode), sinceLast: NO_CHANGE,
  });
  return finish(sessionId, at, state, settings, decision,
    { seq, code: state.lastCode, language: state.language, requestId: tickRequestId(sessionId, seq, at), tick: at },
    { lastTickAt: String(at) });
}

/** Whether a tick at `at` still has a moment to decide: not after the session ended, nor one a newer update or tick already decided. */
export function tickIsCurrent(state: TriggerState, at: number): boolean {
  return !state.ended && state.lastSeq !== null && (state.lastUpdateAt ?? -Infinity) <= at && (state.lastTickAt ?? -Infinity) < at;
}

const parse = <T>(v: string | undefined, fallback: T): T => (v ? (JSON.parse(v) as T) : fallback);

/** The state after a step was committed, as trigger-commit.lua leaves it (a tick leaves lastSeq as it was). */
export function applyStep(state: TriggerState, seq: number | null, at: number, result: Pick<StepResult, 'ask' | 'extra'>): TriggerState {
  const x = result.extra;
  const next: TriggerState = { ...state, version: String(Number(state.version) + 1), lastSeq: seq ?? state.lastSeq, startedAt: state.startedAt ?? at };
  if ('lastCode' in x) next.lastCode = x.lastCode;
  if ('analysis' in x) next.analysis = parse<CodeAnalysis | null>(x.analysis, null);
  if ('lastUpdateAt' in x) next.lastUpdateAt = Number(x.lastUpdateAt);
  if ('language' in x) next.language = x.language;
  if ('cursor' in x) next.cursor = parse(x.cursor, null);
  if ('boundary' in x) next.boundary = x.boundary === '1';
  if ('editLine' in x) next.editLine = x.editLine === '' ? null : Number(x.editLine);
  if ('lastTickAt' in x) next.lastTickAt = Number(x.lastTickAt);
  if ('burstLines' in x) next.burstLines = Number(x.burstLines);
  if ('backlog' in x) next.backlog = parse<TriggerState['backlog']>(x.backlog, []);
  if ('askedKeys' in x) next.askedKeys = parse<string[]>(x.askedKeys, []);
  if (result.ask) Object.assign(next, { lastAskAt: at, pending: result.ask.questionId, pendingSince: at, base: result.ask.code, asked: state.asked + 1 });
  return next;
}

export function emptyState(): TriggerState {
  return {
    version: '0', lastSeq: null, startedAt: null, lastAskAt: null, asked: 0, pending: '', pendingSince: null, base: '', lastCode: '',
    analysis: null, lastUpdateAt: null, burstLines: 0, askedKeys: [], backlog: [], pasteAt: null, pasteChars: 0,
    language: '', cursor: null, boundary: false, editLine: null, answeredAt: null, lastTickAt: null, ended: false,
  };
}
