// When a supervised service exits unexpectedly: restart it after a backoff that grows with the
// crashes in the recent window, or give up on it once it keeps crashing (the others keep running).
// Pure, so the policy is tested without processes.

export interface RestartPolicy {
  /** crashes within `windowMs` after which the service is given up */
  maxCrashes: number;
  windowMs: number;
  /** first restart delay; doubled for every further crash in the window */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_POLICY: RestartPolicy = { maxCrashes: 5, windowMs: 60_000, baseDelayMs: 500, maxDelayMs: 10_000 };

export type CrashDecision =
  | { action: 'restart'; delayMs: number; crashesInWindow: number }
  | { action: 'give-up'; crashesInWindow: number };

/** `crashes`: the times of earlier crashes (any age); `now`: this crash. */
export function afterCrash(policy: RestartPolicy, crashes: readonly number[], now: number): CrashDecision {
  const recent = crashes.filter((t) => now - t < policy.windowMs).length + 1;
  if (recent >= policy.maxCrashes) return { action: 'give-up', crashesInWindow: recent };
  const delayMs = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (recent - 1));
  return { action: 'restart', delayMs, crashesInWindow: recent };
}

/** The policy from the environment (RUNNER_MAX_CRASHES, RUNNER_CRASH_WINDOW_MS, RUNNER_RESTART_DELAY_MS). */
export function policyFromEnv(env: NodeJS.ProcessEnv): RestartPolicy {
  const num = (name: string, fallback: number) => {
    const v = Number(env[name]);
    return Number.isFinite(v) && v > 0 ? v : fallback;
  };
  return {
    maxCrashes: num('RUNNER_MAX_CRASHES', DEFAULT_POLICY.maxCrashes),
    windowMs: num('RUNNER_CRASH_WINDOW_MS', DEFAULT_POLICY.windowMs),
    baseDelayMs: num('RUNNER_RESTART_DELAY_MS', DEFAULT_POLICY.baseDelayMs),
    maxDelayMs: DEFAULT_POLICY.maxDelayMs,
  };
}
