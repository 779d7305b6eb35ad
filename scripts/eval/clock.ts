import type { TriggerState } from '../../services/trigger/rules.ts';
import * as rules from '../../services/trigger/rules.ts';
import type { TriggerSettings } from '../../services/trigger/settings.ts';
import * as steps from '../../services/trigger/step.ts';
import { applyStep, type StepResult } from '../../services/trigger/step.ts';

// The passage of time in the replayed-session evaluation, in one adapter. The trigger is getting
// time-driven decisions (`tickStep` in step.ts, `nextWakeAt` in rules.ts); until those exist this
// adapter finds no clock and the replay produces no ticks, so the evaluation measures the trigger
// as it is. Once they are merged, this file can import them directly.

export interface TriggerClock {
  /** when the trigger wants to be woken (server ms), or null */
  nextWakeAt(state: TriggerState, settings: TriggerSettings): number | null;
  /** a decision made by time alone, and the state it leaves */
  tick(sessionId: string, at: number, state: TriggerState, settings: TriggerSettings): Promise<{ state: TriggerState; result: StepResult }>;
}

type TickStep = (sessionId: string, at: number, state: TriggerState, settings: TriggerSettings) => StepResult | Promise<StepResult>;
type NextWakeAt = (state: TriggerState, settings: TriggerSettings) => number | null;
type ApplyTick = (state: TriggerState, at: number, result: StepResult) => TriggerState;

/** The fields step() writes on every commit, from the state as it is (a tick may leave them alone). */
function unchangedExtra(s: TriggerState): Record<string, string> {
  return {
    lastCode: s.lastCode, analysis: s.analysis ? JSON.stringify(s.analysis) : '', lastUpdateAt: String(s.lastUpdateAt ?? ''),
    burstLines: String(s.burstLines), backlog: JSON.stringify(s.backlog), askedKeys: JSON.stringify(s.askedKeys),
  };
}

export function triggerClock(): TriggerClock | null {
  const stepApi = steps as unknown as Record<string, unknown>;
  const rulesApi = rules as unknown as Record<string, unknown>;
  if (typeof stepApi.tickStep !== 'function' || typeof rulesApi.nextWakeAt !== 'function') return null;
  const tickStep = stepApi.tickStep as TickStep;
  const nextWakeAt = rulesApi.nextWakeAt as NextWakeAt;
  const applyTick = typeof stepApi.applyTick === 'function' ? (stepApi.applyTick as ApplyTick) : null;
  return {
    nextWakeAt,
    async tick(sessionId, at, state, settings) {
      const result = await tickStep(sessionId, at, state, settings);
      if (applyTick) return { result, state: applyTick(state, at, result) };
      const next = applyStep(state, state.lastSeq ?? 0, at, { ask: result.ask, extra: { ...unchangedExtra(state), ...result.extra } });
      // applyStep stamps a code update's seq and time; a tick has neither.
      return { result, state: { ...next, lastSeq: state.lastSeq, lastUpdateAt: result.extra.lastUpdateAt ? next.lastUpdateAt : state.lastUpdateAt } };
    },
  };
}
