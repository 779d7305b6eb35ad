import { GROUPS, IN_GROUPS } from '../../../shared/groups.ts';
import type { SessionRun } from './load.ts';
import type { System } from './system.ts';

// Waits, polling against a deadline, until the pipeline has nothing left: every group of P:in and
// P:ask has no pending and no undelivered entry, every ended session has its report, and every
// stored answer has its grade. Returns what was still outstanding when the deadline passed, or null.

async function groupBacklog(sys: System, stream: string, groups: readonly string[]): Promise<string[]> {
  const info = (await sys.redis.call('XINFO', 'GROUPS', stream).catch(() => [])) as unknown[][];
  const left: string[] = [];
  const last = ((await sys.redis.call('XINFO', 'STREAM', stream).catch(() => null)) as unknown[] | null);
  const lastId = last ? String(last[last.indexOf('last-generated-id') + 1]) : '0-0';
  for (const g of groups) {
    const row = info.find((r) => r[r.indexOf('name') + 1] === g);
    if (!row) continue; // the group does not exist yet: nothing was ever written there
    const pending = Number(row[row.indexOf('pending') + 1]);
    const delivered = String(row[row.indexOf('last-delivered-id') + 1]);
    if (pending > 0) {
      // Who holds them, how long idle, how often delivered: what a stuck group looks like.
      const detail = (await sys.redis.xpending(stream, g, '-', '+', 5).catch(() => [])) as [string, string, number, number][];
      const consumers = (await sys.redis.call('XINFO', 'CONSUMERS', stream, g).catch(() => [])) as unknown[][];
      left.push(`${stream} ${g}: ${pending} pending ${JSON.stringify(detail)} consumers ${JSON.stringify(consumers.map((c) => [c[1], c[3], c[5]]))}`);
    }
    if (delivered !== lastId) left.push(`${stream} ${g}: delivered up to ${delivered}, last ${lastId}`);
  }
  return left;
}

export async function outstanding(sys: System, runs: SessionRun[]): Promise<string[]> {
  const left = [
    ...(await groupBacklog(sys, sys.keys.in, IN_GROUPS)),
    ...(await groupBacklog(sys, sys.keys.ask, Object.values(GROUPS.ask))),
  ];
  const ended = runs.filter((r) => r.ops.some((o) => o.kind === 'end' && o.status === 'ok')).map((r) => r.sessionId);
  const { rows: [q] } = await sys.db.pool.query<{ reports: number; ungraded: number }>(
    `SELECT (SELECT count(*) FROM reports WHERE session_id = ANY($1::uuid[]))::int AS reports,
            (SELECT count(*) FROM interactions WHERE answer IS NOT NULL AND evaluation IS NULL)::int AS ungraded`, [ended]);
  if (q.reports < ended.length) left.push(`${ended.length - q.reports} of ${ended.length} reports not written`);
  if (q.ungraded) left.push(`${q.ungraded} answers not graded`);
  return left;
}

export async function drained(sys: System, runs: SessionRun[], timeoutMs = 120_000): Promise<string[] | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = await outstanding(sys, runs).catch((err: Error) => [`check failed: ${err.message}`]);
    if (!left.length) return null;
    if (Date.now() > deadline) return left;
    await new Promise((r) => setTimeout(r, 250));
  }
}
