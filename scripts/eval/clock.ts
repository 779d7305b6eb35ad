import { nextWakeAt, type TriggerState } from '../../services/trigger/rules.ts';
import type { TriggerSettings } from '../../services/trigger/settings.ts';
import { applyStep, tickStep, type StepResult } from '../../services/trigger/step.ts';

// The passage of time in the replayed-session evaluation: the trigger's own wake schedule and tick
// decision, applied in memory the way trigger-commit.lua applies them live. Tests pass other clocks.

export interface TriggerClock {
  /** when the trigger wants to be woken (server ms), or null */
  nextWakeAt(state: TriggerState, settings: TriggerSettings): number | null;
  /** a decision made by time alone, and the state it leaves */
  tick(sessionId: string, at: number, state: TriggerState, settings: TriggerSettings): Promise<{ state: TriggerState; result: StepResult }>;
}

export function triggerClock(): TriggerClock {
  return {
    nextWakeAt,
    async tick(sessionId, at, state, settings) {
      const result = tickStep(sessionId, at, state, settings);
      return { result, state: applyStep(state, state.lastSeq, at, result) };
    },
  };
}
