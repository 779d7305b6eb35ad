import type { Redis } from 'ioredis';
import type { Keys } from '../shared/keys.ts';

// Every consumer group's progress on P:in and P:ask (XINFO GROUPS): lag (entries not yet
// delivered to the group) and pending (delivered, not yet acknowledged). Redis 7 reports lag; when it
// cannot (lag nil), the group counts as behind unless it has read up to the stream's last entry.
// And how far behind in time: the age of the oldest entry the group has not acknowledged (the
// smallest pending id, else the first entry not yet delivered) — whatever a group decides next is on
// an entry at least that old, wherever its decisions are recorded.

export interface GroupLag { lag: number | null; pending: number; caughtUp: boolean; oldestUnackedAgeMs: number }

const idMs = (id: string) => Number(id.split('-')[0]);
export type LagSample = Record<string, GroupLag>;

function fields(flat: unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) out[String(flat[i])] = flat[i + 1];
  return out;
}

export async function sampleLag(redis: Redis, keys: Keys): Promise<LagSample> {
  const out: LagSample = {};
  for (const [name, stream] of [['in', keys.in], ['ask', keys.ask]] as const) {
    const info = await (redis.xinfo('STREAM', stream) as Promise<unknown[]>).catch(() => null);
    if (!info) continue;
    const last = String(fields(info)['last-generated-id']);
    for (const g of (await redis.xinfo('GROUPS', stream)) as unknown[][]) {
      const f = fields(g);
      const lag = f.lag === null || f.lag === undefined ? null : Number(f.lag);
      const pending = Number(f.pending ?? 0);
      const delivered = String(f['last-delivered-id']);
      const caughtUp = pending === 0 && (lag === 0 || (lag === null && delivered === last));
      let oldest: string | undefined;
      if (pending > 0) oldest = String(((await redis.xpending(stream, String(f.name))) as unknown[])[1]);
      else if (!caughtUp) oldest = ((await redis.xrange(stream, `(${delivered}`, '+', 'COUNT', 1)) as [string, string[]][])[0]?.[0];
      const oldestUnackedAgeMs = oldest ? Math.max(0, Date.now() - idMs(oldest)) : 0;
      out[`${name}/${String(f.name)}`] = { lag, pending, caughtUp, oldestUnackedAgeMs };
    }
  }
  return out;
}

export const drained = (s: LagSample): boolean => Object.values(s).every((g) => g.caughtUp);

/** The largest lag and pending each group reached over the samples. */
export function maxLag(samples: LagSample[]): Record<string, { maxLag: number; maxPending: number; maxOldestUnackedAgeMs: number }> {
  const out: Record<string, { maxLag: number; maxPending: number; maxOldestUnackedAgeMs: number }> = {};
  for (const s of samples) {
    for (const [g, v] of Object.entries(s)) {
      const m = (out[g] ??= { maxLag: 0, maxPending: 0, maxOldestUnackedAgeMs: 0 });
      m.maxLag = Math.max(m.maxLag, v.lag ?? 0);
      m.maxPending = Math.max(m.maxPending, v.pending);
      m.maxOldestUnackedAgeMs = Math.max(m.maxOldestUnackedAgeMs, v.oldestUnackedAgeMs);
    }
  }
  return out;
}
