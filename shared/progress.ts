import type { Redis } from 'ioredis';
import { fieldsToRecord, type Fields } from './streams.ts';

// What a consumer group still has to do on a stream, for services that must wait for it (the
// reporter waits for the agent's question requests of a session). The consumer runtime
// acknowledges an entry only after its handler committed (shared/consumer.ts), and shared/groups.ts
// states per group what that promises, so "not acknowledged by the group" is a documented fact
// about the group's work — a reader asks here instead of reading the group's pending list itself.

export interface Unacknowledged {
  /** delivered to a consumer of the group and not acknowledged yet */
  pending: number;
  /** not delivered to the group yet */
  undelivered: number;
  /** false when more than `limit` entries would have to be looked at: the counts are a lower bound */
  complete: boolean;
}

type RawEntry = [id: string, fields: string[]];

async function lastDelivered(redis: Redis, stream: string, group: string): Promise<string | null> {
  let groups: unknown;
  try {
    groups = await redis.xinfo('GROUPS', stream);
  } catch (err) {
    if (err instanceof Error && /no such key/i.test(err.message)) return null;
    throw err;
  }
  for (const g of Array.isArray(groups) ? groups : []) {
    if (!Array.isArray(g)) continue;
    const info = new Map<string, unknown>();
    for (let i = 0; i + 1 < g.length; i += 2) info.set(String(g[i]), g[i + 1]);
    if (info.get('name') === group) return String(info.get('last-delivered-id') ?? '0-0');
  }
  // The group does not exist yet (its service has not started): nothing was delivered.
  return '0-0';
}

/**
 * The entries of `stream` that `group` has not acknowledged and that `belongs` accepts. Reads at
 * most `limit` pending and `limit` undelivered entries (streams are shared by every session).
 */
export async function unacknowledged(redis: Redis, stream: string, group: string, belongs: (fields: Fields) => boolean, limit = 1000): Promise<Unacknowledged> {
  const delivered = await lastDelivered(redis, stream, group);
  if (delivered === null) return { pending: 0, undelivered: 0, complete: true };
  let complete = true;
  let pending = 0;
  const summary = (await redis.xpending(stream, group).catch((err: unknown) => {
    if (err instanceof Error && /NOGROUP/.test(err.message)) return [0];
    throw err;
  })) as [number | string, ...unknown[]];
  const total = Number(summary[0]) || 0;
  if (total > 0) {
    if (total > limit) complete = false;
    const rows = (await redis.xpending(stream, group, '-', '+', Math.min(total, limit))) as [string, ...unknown[]][];
    const entries = await Promise.all(rows.map(([id]) => redis.xrange(stream, id, id) as Promise<RawEntry[]>));
    pending = entries.flat().filter(([, f]) => belongs(fieldsToRecord(f))).length;
  }
  const after = (await redis.xrange(stream, `(${delivered}`, '+', 'COUNT', limit + 1)) as RawEntry[];
  if (after.length > limit) complete = false;
  const undelivered = after.slice(0, limit).filter(([, f]) => belongs(fieldsToRecord(f))).length;
  return { pending, undelivered, complete };
}
