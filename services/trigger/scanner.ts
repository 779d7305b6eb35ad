import type { Redis } from 'ioredis';
import type { Keys } from '../../shared/keys.ts';
import type { Logger } from '../../shared/logger.ts';
import { scripts } from '../../shared/redis.ts';

// Time as a source of events: every trigger replica claims, on its own timer, the sessions whose
// wake time has come (P:due, written with each decision) and turns each into a tick entry on P:in
// (trigger-due.lua, atomic, so one tick per wake whatever the number of replicas). The schedule
// lives in Redis, so a wake survives a trigger restart; a tick is consumed like any entry.

export interface ScannerDeps {
  redis: Redis;
  keys: Keys;
  log: Logger;
}

const BATCH = 200;

/** Claims every wake due at `now` (ms); returns how many ticks were written. */
export async function claimDue(deps: Pick<ScannerDeps, 'redis' | 'keys'>, now: number, batch = BATCH): Promise<number> {
  let total = 0;
  for (;;) {
    const n = Number(await scripts.triggerDue.run(deps.redis, [deps.keys.due, deps.keys.in], [Math.floor(now), batch]));
    total += n;
    if (n < batch) return total;
  }
}

/** Runs claimDue every `everyMs` until stopped; an error (Redis away) is logged and retried next time. */
export function startScanner(deps: ScannerDeps, everyMs: number, clock: () => number = Date.now): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = claimDue(deps, clock())
      .then((n) => n && deps.log.debug({ ticks: n }, 'ticks written'))
      .catch((err: unknown) => deps.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'claiming due wakes failed'));
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
