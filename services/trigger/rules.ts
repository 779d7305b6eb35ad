import type { CodeAnalysis, DiffStats, StructuralChange } from '../../shared/analysis/index.ts';
import { activityCandidate, alreadyAsked, candidateKey, refresh, remember, structuralCandidates, type Candidate } from './candidates.ts';
import { functionLooksDone, type Cursor } from './boundary.ts';
import { pauseMsOf, settleMsOf, type TriggerSettings } from './settings.ts';

// Explainable rules: every decision, ask or not, has a reason code and a sentence a person reads.
// Candidates say what is worth asking about; gates say whether now is the moment.

export interface TriggerState {
  version: string;
  lastSeq: number | null;
  startedAt: number | null;
  lastAskAt: number | null;
  asked: number;
  pending: string;
  pendingSince: number | null;
  base: string;
  lastCode: string;
  analysis: CodeAnalysis | null;
  lastUpdateAt: number | null;
  burstLines: number;
  askedKeys: string[];
  backlog: Candidate[];
  pasteAt: number | null;
  pasteChars: number;
  /** language and cursor of the last code update: a tick decides on that code */
  language: string;
  cursor: Cursor | null;
  /** the last code update ended at a boundary (boundary.ts): a complete line in a function that parses */
  boundary: boolean;
  /** the line the last code update edited (1-based), or null when it did not tell */
  editLine: number | null;
  /** time of the last tick decided: a pause or an opened gate is acted on once */
  lastTickAt: number | null;
  /** when the last pending question was answered (trigger-answered.lua): the gate it opened is a moment */
  answeredAt: number | null;
  /** the session ended: nothing more is asked or scheduled */
  ended: boolean;
}

export interface DecideInput {
  now: number;
  state: TriggerState;
  settings: TriggerSettings;
  analysis: CodeAnalysis | null;
  changes: StructuralChange[];
  /** changed lines since the code the last question was about */
  sinceAsk: DiffStats;
  /** changed lines since the previous update */
  sinceLast: DiffStats;
  /** the decision is on a tick (time passed, no new code): only then can the candidate be pausing */
  tick?: boolean;
  /** the code is at a boundary (boundary.ts); absent means yes */
  boundary?: boolean;
  /** the code decided on and the line being edited in it: a function is asked about once it looks done (boundary.ts) */
  code?: string;
  editLine?: number | null;
}

export interface TriggerDecision {
  decision: 'ask' | 'skip';
  reasonCode: string;
  reason: string;
  candidate?: Candidate;
  /** candidates held back for a later moment (never about deleted code: refreshed each time) */
  backlog: Candidate[];
  /** true when a candidate appeared that the interviewer has not yet been told about */
  newCandidate: boolean;
  activity: { burstLines: number; pause: boolean; paste: boolean };
}

export const BURST_GAP_MS = 10_000;
/** the default pause; a session's own is pauseSec (settings.ts) */
export const PAUSE_MS = 20_000;
export const PAUSE_MIN_LINES = 5;
const PASTE_MIN_CHARS = 200;
const PASTE_MIN_LINES = 12;
const BACKLOG_MAX = 5;

const secs = (ms: number) => Math.round(ms / 1000);

/** The lines a change touched, first to last, in the current code. */
function changedRegion(d: DiffStats): [number, number] | null {
  return d.changedLines.length ? [Math.min(...d.changedLines), Math.max(...d.changedLines)] : null;
}
const changed = (d: DiffStats) => d.added + d.removed;

export function activity(input: DecideInput): TriggerDecision['activity'] {
  const { now, state, sinceLast } = input;
  const gap = state.lastUpdateAt === null ? 0 : now - state.lastUpdateAt;
  const lines = sinceLast.changedLines.length;
  const burstLines = gap < BURST_GAP_MS ? state.burstLines + lines : lines;
  // A pause is seen while it lasts, on a tick; an update after one means typing has resumed, and
  // asking then would interrupt it.
  const pause = input.tick === true && gap >= pauseMsOf(input.settings);
  const pastedByEvent = state.pasteAt !== null && (state.lastUpdateAt === null || state.pasteAt >= state.lastUpdateAt) && state.pasteChars >= PASTE_MIN_CHARS;
  const paste = pastedByEvent || sinceLast.added >= PASTE_MIN_LINES;
  return { burstLines, pause, paste };
}

function gather(input: DecideInput, act: TriggerDecision['activity']): Candidate[] {
  const { analysis, state, sinceLast, settings } = input;
  const found: Candidate[] = [];
  // The memory of earlier versions (what a rewrite is measured against) survives unparseable steps.
  // Recomputed on every attempt, so a retried step derives it from the state it actually read.
  if (analysis) analysis.memory = remember(state.analysis, analysis);
  const usable = analysis !== null && analysis.errorRatio < 0.5;
  if (usable) {
    found.push(...structuralCandidates(analysis, input.changes, state.analysis));
    if (act.paste) {
      const c = activityCandidate(analysis, sinceLast.changedLines, { kind: 'paste', chars: state.pasteChars || undefined });
      if (c) found.push(c);
    }
    if (act.pause && state.burstLines >= PAUSE_MIN_LINES) {
      const c = activityCandidate(analysis, input.sinceAsk.changedLines, { kind: 'pause', lines: state.burstLines });
      if (c) found.push(c);
    }
  } else if (analysis === null && changed(input.sinceAsk) >= settings.minDiffLines) {
    // No parse tree at all (a language without a parser): fall back to the size of the change, about
    // the region that changed. Code in a language that parses but is broken mid-edit is not asked
    // about: a question about nothing specific is not worth an interruption; it parses again soon.
    const region = changedRegion(input.sinceAsk);
    found.push({
      reasonCode: 'diff_threshold', topic: 'purpose', priority: 30, facts: region ? { lines: region } : {},
      ...(region ? { lines: region } : {}),
      sentence: `${changed(input.sinceAsk)} lines changed${region ? ` (lines ${region[0]}–${region[1]})` : ''} and there is no parse tree for this language, so the size of the change decides.`,
    });
  }
  const backlog = state.backlog.map((c) => (usable ? refresh(c, analysis) : c)).filter((c): c is Candidate => c !== null);
  const byKey = new Map<string, Candidate>();
  for (const c of [...found, ...backlog]) {
    const key = candidateKey(c);
    // The diff-size fallback names no function, so it may recur; a function topic is asked once.
    if (c.function && alreadyAsked(state.askedKeys, c)) continue;
    if ((byKey.get(key)?.priority ?? -1) < c.priority) byKey.set(key, c);
  }
  // A pause favours what was there before it, for this moment only: held back, a candidate keeps its
  // own priority (a boost kept in the backlog would outrank fresher work at every later moment).
  const worth = (c: Candidate) => c.priority + (act.pause && !c.reasonCode.startsWith('pause') ? 10 : 0);
  const near = (c: Candidate) => distanceToEdit(c, input.editLine);
  // Of two equally worth asking, the one about what the candidate just wrote: their mind is on it.
  return [...byKey.values()].sort((a, b) => worth(b) - worth(a) || near(a) - near(b));
}

/** Lines between the candidate's function and the line being edited (0 inside it); unknown is farthest. */
function distanceToEdit(c: Candidate, editLine: number | null | undefined): number {
  if (!c.lines || editLine === null || editLine === undefined) return Number.MAX_SAFE_INTEGER;
  const [from, to] = c.lines;
  return editLine < from ? from - editLine : editLine > to ? editLine - to : 0;
}

/** The moment: a pause, or code at a boundary (boundary.ts), and where the candidate is editing. */
interface Moment {
  pause: boolean;
  boundary: boolean;
  code?: string;
  editLine?: number | null;
}

/**
 * A question waits for a boundary (never mid-token or mid-line) and, about a function, until the
 * piece looks done: it parses, its main path returns a value (not just a guard clause) and the
 * candidate has finished it (moved on, or its body ends in a return: boundary.ts), or the candidate
 * paused. Without a usable parse tree (the diff-size fallback) only a pause is a boundary.
 * Questions mid-thought annoy and reveal less (INTERVIEWING.md, timing).
 */
function ready(c: Candidate, analysis: CodeAnalysis | null, moment: Moment): boolean {
  if (c.reasonCode === 'diff_threshold') return moment.pause;
  if (!analysis) return false; // no parse tree now: a question about a function would get its key from broken code
  if (!moment.pause && !moment.boundary) return false;
  if (!c.function) return true;
  const f = analysis.functions.find((x) => x.name === c.function);
  if (f === undefined || f.hasError) return false;
  if (moment.pause) return true;
  return (f.finished ?? f.returns) && (moment.code === undefined || functionLooksDone(moment.code, f, moment.editLine));
}

/**
 * Has the candidate stopped at the boundary long enough to be asked? An update is the moment itself
 * only without a settle time; otherwise a tick decides, once nothing has arrived for that long
 * (an editor sends a frame at least every second while typing goes on).
 */
function settled(input: DecideInput): boolean {
  const ms = settleMsOf(input.settings);
  if (!input.tick) return ms === 0;
  return input.state.lastUpdateAt === null || input.now - input.state.lastUpdateAt >= ms;
}

export function decide(input: DecideInput): TriggerDecision {
  const { now, state, settings, analysis } = input;
  const act = activity(input);
  const candidates = gather(input, act);
  const known = new Set(state.backlog.map(candidateKey));
  const newCandidate = candidates.some((c) => !known.has(candidateKey(c)));
  const atBoundary = input.boundary ?? true;
  const moment: Moment = { pause: act.pause, boundary: atBoundary && settled(input), code: input.code, editLine: input.editLine };
  const best = candidates.find((c) => ready(c, analysis, moment));
  const held = (except?: Candidate) => candidates.filter((c) => c !== except).slice(0, BACKLOG_MAX);
  const skip = (reasonCode: string, reason: string): TriggerDecision => ({
    decision: 'skip', reasonCode, backlog: held(), newCandidate, activity: act,
    reason: candidates.length ? `${reason} Held back: ${candidates[0].sentence}` : reason,
  });

  const pendingFor = state.pending && state.pendingSince !== null ? now - state.pendingSince : 0;
  if (state.pending && pendingFor < settings.pendingTimeoutSec * 1000) {
    return skip('question_pending', 'A question is still waiting for its answer.');
  }
  if (state.asked >= settings.maxQuestions) return skip('max_questions', `All ${settings.maxQuestions} questions for this session have been asked.`);
  const started = state.startedAt ?? now;
  if (now - started < settings.quietStartSec * 1000) {
    return skip('quiet_start', `The first ${settings.quietStartSec}s are left quiet so the candidate can settle in.`);
  }
  if (state.lastAskAt !== null && now - state.lastAskAt < settings.minIntervalSec * 1000) {
    return skip('min_interval', `Only ${secs(now - state.lastAskAt)}s since the last question; the minimum is ${settings.minIntervalSec}s.`);
  }
  if (!candidates.length) return skip('nothing_new', 'Nothing new worth a question in this change.');
  if (!best && atBoundary && !moment.boundary && candidates.some((c) => ready(c, analysis, { ...moment, boundary: true }))) {
    return skip('settling', `The line is complete; waiting ${secs(settleMsOf(settings))}s to see whether the candidate goes on typing.`);
  }
  if (!best && !moment.pause && !moment.boundary) {
    return skip('mid_edit', 'The candidate is in the middle of a line or the code does not parse; waiting until the line or block is complete, or the candidate pauses.');
  }
  if (!best) return skip('not_ready', `${candidates[0].function ?? 'The code'} is still being written; waiting until it parses and returns, or the candidate pauses.`);
  return { decision: 'ask', reasonCode: best.reasonCode, reason: best.sentence, candidate: best, backlog: held(best), newCandidate, activity: act };
}

/** When every gate that can hold a question back opens again by time alone (ms). */
export function gatesOpenAt(state: TriggerState, settings: TriggerSettings): number {
  const at = [state.startedAt === null ? -Infinity : state.startedAt + settings.quietStartSec * 1000];
  if (state.lastAskAt !== null) at.push(state.lastAskAt + settings.minIntervalSec * 1000);
  if (state.pending) at.push((state.pendingSince ?? state.lastAskAt ?? -Infinity) + settings.pendingTimeoutSec * 1000);
  return Math.max(...at);
}

/**
 * The next moment at which time alone could change the trigger's decision, or null: a pause after
 * the last update not yet seen by a tick (worth a tick when there was a burst of work or something
 * is held back), the settle moment after an update at a boundary (settings.ts: settleSec) while
 * something is held back, and the reopening of a gate (quiet start, interval, pending timeout) that
 * holds a candidate back; a gate that opens while the candidate types waits for the settle moment. An answer to the pending question opens its gate too; that is an event of its own
 * (the handler reschedules). Each wake is after the last decision, so ticks never loop.
 */
export function nextWakeAt(state: TriggerState, settings: TriggerSettings): number | null {
  if (state.ended || state.lastUpdateAt === null || state.asked >= settings.maxQuestions) return null;
  const last = Math.max(state.lastUpdateAt, state.lastTickAt ?? -Infinity);
  const gates = gatesOpenAt(state, settings);
  const held = state.backlog.length > 0;
  const wakes: number[] = [];
  const pauseAt = state.lastUpdateAt + pauseMsOf(settings);
  if (pauseAt > last && (held || state.burstLines >= PAUSE_MIN_LINES)) wakes.push(Math.max(pauseAt, gates));
  // Stopped at a complete line with something held back: ask once it has settled (or its gate opens).
  const settleAt = state.lastUpdateAt + settleMsOf(settings);
  if (held && state.boundary && settleAt > last) wakes.push(Math.max(settleAt, gates));
  if (held && gates > last) wakes.push(gates);
  // An answer after the last decision reopens the pending gate even when time alone would not
  // (the pause it waited through is over): the held-back candidate is reconsidered then.
  if (held && !state.pending && state.answeredAt !== null && state.answeredAt > last) wakes.push(Math.max(state.answeredAt, gates));
  return wakes.length ? Math.ceil(Math.min(...wakes)) : null;
}
