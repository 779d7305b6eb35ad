import type { Redis } from 'ioredis';
import { IN_GROUPS } from '../../shared/groups.ts';
import type { Keys } from '../../shared/keys.ts';
import type { Logger } from '../../shared/logger.ts';
import { scripts } from '../../shared/redis.ts';

// P:in grows with every keystroke; once every group has acknowledged an entry it lives on in
// Postgres (the snapshotter acks only after archiving), so Redis can let it go.

export type TrimResult = { trimmed: number; floor: string } | { waitingFor: string };

export async function trimIn(deps: { redis: Redis; keys: Keys }, groups: readonly string[] = IN_GROUPS): Promise<TrimResult> {
  const [n, value] = (await scripts.trimIn.run(deps.redis, [deps.keys.in], [...groups])) as [number, string];
  return n < 0 ? { waitingFor: value } : { trimmed: n, floor: value };
}

/** Trims every `everyMs` until stopped; a failure is logged and tried again next time. */
export function startTrimming(deps: { redis: Redis; keys: Keys; log: Logger }, everyMs: number): () => void {
  const timer = setInterval(() => {
    trimIn(deps)
      .then((r) => {
        if ('trimmed' in r && r.trimmed > 0) deps.log.info(r, 'trimmed P:in');
      })
      .catch((err: unknown) => deps.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'trim failed'));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
