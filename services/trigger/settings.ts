import type { Config } from '../../shared/config.ts';
import type { Queryable } from '../../shared/db/pool.ts';
import type { SessionSettings } from '../../shared/session.ts';

export interface TriggerSettings {
  minIntervalSec: number;
  maxQuestions: number;
  quietStartSec: number;
  minDiffLines: number;
  /** an unanswered question stops blocking the next one after this long */
  pendingTimeoutSec: number;
  /** a pause this long after the last edit is a moment to ask (default DEFAULT_PAUSE_SEC) */
  pauseSec?: number;
  /**
   * A question is asked only once the candidate has stopped typing this long at a boundary (a
   * complete line in a function that parses), so it never lands on a keystroke: a line that looks
   * complete may still go on (`memo[n] = climb(n - 1, memo)` before ` + climb(n - 2, memo)`), and an
   * editor sends frames while typing continues. Absent or 0: the update at the boundary is the moment.
   */
  settleSec?: number;
  /**
   * Follow-up questions always block the next question while they wait for their answer; they also
   * count toward maxQuestions unless this is false (default true).
   */
  followUpsCount?: boolean;
}

export const DEFAULT_PAUSE_SEC = 20;

export const pauseMsOf = (s: TriggerSettings) => (s.pauseSec ?? DEFAULT_PAUSE_SEC) * 1000;
export const settleMsOf = (s: TriggerSettings) => (s.settleSec ?? 0) * 1000;

export function defaultSettings(config: Config): TriggerSettings {
  return {
    minIntervalSec: config.TRIGGER_MIN_INTERVAL_SEC,
    maxQuestions: config.TRIGGER_MAX_QUESTIONS,
    quietStartSec: config.TRIGGER_QUIET_START_SEC,
    minDiffLines: config.TRIGGER_MIN_DIFF_LINES,
    pendingTimeoutSec: config.TRIGGER_PENDING_TIMEOUT_SEC,
    pauseSec: config.TRIGGER_PAUSE_SEC,
    settleSec: config.TRIGGER_SETTLE_SEC,
    followUpsCount: config.TRIGGER_FOLLOW_UPS_COUNT,
  };
}

export function resolveSettings(defaults: TriggerSettings, s: SessionSettings | null): TriggerSettings {
  return {
    minIntervalSec: s?.minQuestionIntervalSec ?? defaults.minIntervalSec,
    maxQuestions: s?.maxQuestions ?? defaults.maxQuestions,
    quietStartSec: s?.quietStartSec ?? defaults.quietStartSec,
    minDiffLines: s?.minDiffLines ?? defaults.minDiffLines,
    pendingTimeoutSec: s?.pendingTimeoutSec ?? defaults.pendingTimeoutSec,
    pauseSec: s?.pauseSec ?? defaults.pauseSec,
    settleSec: s?.settleSec ?? defaults.settleSec,
    followUpsCount: s?.followUpsCount ?? defaults.followUpsCount,
  };
}

/** Settings per session, cached briefly: they are set at creation and read on every code update. */
export function settingsLoader(db: Queryable, defaults: TriggerSettings, ttlMs = 60_000) {
  const cache = new Map<string, { at: number; value: TriggerSettings }>();
  return async (sessionId: string): Promise<TriggerSettings> => {
    const hit = cache.get(sessionId);
    if (hit && Date.now() - hit.at < ttlMs) return hit.value;
    const { rows } = await db.query<{ settings: SessionSettings }>('SELECT settings FROM sessions WHERE id = $1', [sessionId]);
    const value = resolveSettings(defaults, rows[0]?.settings ?? null);
    if (cache.size > 10_000) cache.clear();
    cache.set(sessionId, { at: Date.now(), value });
    return value;
  };
}
