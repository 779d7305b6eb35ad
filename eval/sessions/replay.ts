import type { CodeAnalysis } from '../../shared/analysis/index.ts';
import type { CodeUpdate } from '../../shared/protocol.ts';
import type { TriggerState } from '../../services/trigger/rules.ts';
import type { TriggerSettings } from '../../services/trigger/settings.ts';
import { applyStep, emptyState, type StepResult } from '../../services/trigger/step.ts';
import type { TriggerClock } from '../../scripts/eval/clock.ts';
import { CLOCK_BASE, midTokenAt, prng, type MarkedMoment, type Simulation } from './typing.ts';

// A recorded session through the trigger's pure decision step in simulated time: code updates and
// paste events as the live handler applies them, the passage of time through the clock (when the
// trigger has one), and a candidate who answers each question after a plausible delay. While they
// answer they do not type, so the rest of the recording moves later by the answer's duration; asks
// are placed on the recording's own clock (answering time removed) to compare them with the marks.

export interface ReplayDeps {
  analyze: (code: string, language: string) => Promise<CodeAnalysis | null>;
  step: (sessionId: string, frame: CodeUpdate, at: number, state: TriggerState, settings: TriggerSettings, analysis: CodeAnalysis | null) => StepResult;
  settings: TriggerSettings;
  clock: TriggerClock | null;
  /** seconds the candidate takes to answer the n-th question (0-based) */
  answerSec?: (n: number) => number;
}

export interface AskOutcome {
  /** seconds on the recording's clock */
  sec: number;
  via: 'update' | 'tick';
  reasonCode: string;
  topic: string;
  function: string;
  midToken: boolean;
  /** index of the marked moment it fell in, or null */
  mark: number | null;
  /** on a marked moment and not mid-token: a question asked mid-token interrupts, whenever it comes */
  hit: boolean;
}

export interface SessionOutcome {
  id: string;
  marks: MarkedMoment[];
  asks: AskOutcome[];
  /** for each mark, whether some ask fell on it */
  hit: boolean[];
}

/** Answers take 20–60 s, the same for a session on every run. */
export const plausibleAnswers = (seed: number) => {
  const rnd = prng(seed ^ 0x5eed);
  const delays: number[] = [];
  return (n: number) => {
    while (delays.length <= n) delays.push(20 + 40 * rnd());
    return delays[n];
  };
};

/** A step's state change when the candidate's answer arrives (trigger-answered.lua), at `at` (server ms) when known. */
export function answered(state: TriggerState, questionId: string, at?: number): TriggerState {
  if (state.pending !== questionId) return state;
  return { ...state, pending: '', version: String(Number(state.version) + 1), ...(at === undefined ? {} : { answeredAt: at }) };
}

const MAX_TICKS = 10_000;

export async function replaySession(deps: ReplayDeps, id: string, sim: Simulation, seed = 1): Promise<SessionOutcome> {
  const answerSec = deps.answerSec ?? plausibleAnswers(seed);
  const sessionId = `eval-${id}`;
  const asks: AskOutcome[] = [];
  let state = emptyState();
  let offset = 0; // ms the recording has been pushed back by answering
  const answers: { at: number; questionId: string }[] = []; // in time order
  let ticks = 0;
  let lastWake = -Infinity;
  let now = 0; // the replay's clock: ms since the start, answering included

  const onAsk = (eff: number, via: AskOutcome['via'], midToken: boolean, res: StepResult) => {
    const ask = res.ask!;
    const sec = (eff - offset) / 1000;
    const mark = sim.marks.findIndex((m) => m.fromSec <= sec && sec <= m.toSec);
    const ctx = ask.context as { topic?: string; function?: string };
    asks.push({ sec, via, reasonCode: ask.reasonCode, topic: ctx.topic ?? '', function: ctx.function ?? '', midToken, mark: mark < 0 ? null : mark, hit: mark >= 0 && !midToken });
    const d = answerSec(asks.length - 1) * 1000;
    answers.push({ at: eff + d, questionId: ask.questionId });
    answers.sort((x, y) => x.at - y.at);
    offset += d;
  };

  /** Answers and time-driven decisions due up to `limit` (ms since the start, on the replay's clock). */
  const until = async (limit: number) => {
    for (;;) {
      const wakeAbs = deps.clock?.nextWakeAt(state, deps.settings) ?? null;
      // a wake already in the past is served now; the same moment is never served twice
      const due = wakeAbs === null ? null : Math.max(wakeAbs - CLOCK_BASE, now);
      const wake = due !== null && due > lastWake ? due : null;
      const a = answers[0];
      if (a && a.at <= limit && (wake === null || a.at <= wake)) {
        state = answered(state, a.questionId, CLOCK_BASE + a.at);
        now = Math.max(now, a.at);
        answers.shift();
        continue;
      }
      if (wake === null || wake > limit || !deps.clock || ++ticks > MAX_TICKS) return;
      lastWake = now = wake;
      const { state: next, result } = await deps.clock.tick(sessionId, CLOCK_BASE + wake, state, deps.settings);
      state = next;
      if (result.ask) onAsk(wake, 'tick', midTokenAt(sim, wake - offset), result);
    }
  };

  for (const e of sim.events) {
    // a question asked by time alone pushes this update back too: wait until it is really due
    for (let shifted = -1; shifted !== offset;) {
      shifted = offset;
      await until(e.at + offset);
    }
    const eff = e.at + offset;
    now = eff;
    if (e.kind === 'paste') {
      state = { ...state, pasteAt: CLOCK_BASE + eff, pasteChars: e.chars };
      continue;
    }
    if (state.lastSeq !== null && e.frame.seq <= state.lastSeq) continue;
    let analysis: CodeAnalysis | null = null;
    try {
      analysis = await deps.analyze(e.frame.code, e.frame.language);
    } catch {
      analysis = null; // as the live handler: the diff rules decide
    }
    const res = deps.step(sessionId, e.frame, CLOCK_BASE + eff, state, deps.settings, analysis);
    state = applyStep(state, e.frame.seq, CLOCK_BASE + eff, res);
    if (res.ask) onAsk(eff, 'update', e.midToken, res);
  }
  await until(sim.durationMs + offset);
  const hit = sim.marks.map((_, i) => asks.some((a) => a.hit && a.mark === i));
  return { id, marks: sim.marks, asks, hit };
}

export interface Totals {
  sessions: number;
  asks: number;
  /** asks on a marked moment and not mid-token */
  asksOnMark: number;
  asksMidToken: number;
  marks: number;
  marksHit: number;
  marksMissed: number;
  /** share of marked moments with an ask on them */
  hitRate: number;
}

export function totals(outcomes: SessionOutcome[]): Totals {
  const asks = outcomes.flatMap((o) => o.asks);
  const marks = outcomes.reduce((n, o) => n + o.marks.length, 0);
  const marksHit = outcomes.reduce((n, o) => n + o.hit.filter(Boolean).length, 0);
  return {
    sessions: outcomes.length, asks: asks.length, asksOnMark: asks.filter((a) => a.hit).length,
    asksMidToken: asks.filter((a) => a.midToken).length, marks, marksHit, marksMissed: marks - marksHit,
    hitRate: marks ? marksHit / marks : 0,
  };
}
