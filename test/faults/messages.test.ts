import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { GROUPS, IN_GROUPS } from '../../shared/groups.ts';
import { fieldsToRecord } from '../../shared/streams.ts';
import { waitFor } from '../helpers/env.ts';
import { acked, runScenario } from '../helpers/faults/scenario.ts';
import { startSystem, type System } from '../helpers/faults/system.ts';

// Faults in the messages themselves: a poison entry, an entry delivered twice, and a group that
// lags (its consumer frozen) while the snapshotter trims P:in.

let sys: System;
before(async () => (sys = await startSystem()));
after(async () => sys?.stop());

test('a poison message in P:in is dead-lettered, nothing else harmed', { timeout: 240_000 }, async (t) => {
  let poisonId = '';
  await runScenario(t, sys, {
    sessions: 6, frames: 40, pauseMs: 50,
    fault: async () => {
      poisonId = (await sys.redis.xadd(sys.keys.in, '*', 'sessionId', 'not-a-session', 'type', 'code_update', 'frame', '{"seq": broken', 'at', 'x'))!;
      // Every group of P:in that decodes it dead-letters it, with its reason (the agent's skips code updates unread).
      await waitFor('the poison entry dead-lettered by every group', async () => {
        const dlq = (await sys.redis.xrange(sys.keys.dlq, '-', '+')) as [string, string[]][];
        const groups = new Set(dlq.map(([, f]) => fieldsToRecord(f)).filter((f) => f.id === poisonId).map((f) => f.group));
        return [GROUPS.in.snapshotter, GROUPS.in.trigger].every((g) => groups.has(g)) ? true : undefined;
      }, 60_000, 100);
    },
  });
  const dlq = ((await sys.redis.xrange(sys.keys.dlq, '-', '+')) as [string, string[]][]).map(([, f]) => fieldsToRecord(f));
  assert.ok(dlq.every((f) => f.id === poisonId), `only the poison entry is dead-lettered: ${JSON.stringify(dlq.map((f) => [f.group, f.id, f.error]))}`);
  for (const f of dlq) t.diagnostic(`dead-lettered by ${f.group}: ${f.error}`);
});

test('duplicate delivery: entries claimed by a second consumer while the first handles them', { timeout: 240_000 }, async (t) => {
  let claimed = 0;
  await runScenario(t, sys, {
    sessions: 6, frames: 40, pauseMs: 50,
    fault: async (runs) => {
      // For a while, every pending entry of every group is claimed to another consumer name at once
      // (min idle 0): the runtime's own claim loop delivers it again after the idle limit, while the
      // first delivery may still be running or already acknowledged.
      const until = acked(runs) + 6 * 30;
      while (acked(runs) < until) {
        for (const [stream, groups] of [[sys.keys.in, IN_GROUPS], [sys.keys.ask, Object.values(GROUPS.ask)]] as const) {
          for (const g of groups) {
            const pending = (await sys.redis.xpending(stream, g, '-', '+', 100).catch(() => [])) as [string, string, number, number][];
            if (!pending.length) continue;
            const ids = pending.map((p) => p[0]);
            const got = (await sys.redis.xclaim(stream, g, 'intruder', 0, ...ids, 'JUSTID').catch(() => [])) as string[];
            claimed += got.length;
          }
        }
        // Next round once the load moved on (a new ack), not after a pause.
        const seen = acked(runs);
        await waitFor('the next ack', () => (acked(runs) > seen ? true : undefined), 60_000, 5);
      }
      t.diagnostic(`entries claimed twice: ${claimed}`);
    },
  });
  assert.ok(claimed > 0, 'some entries were claimed twice');
});

test('a group that lags while trimming runs keeps every entry it has not read', { timeout: 240_000 }, async (t) => {
  let checked = 0;
  await runScenario(t, sys, {
    sessions: 6, frames: 40, pauseMs: 50,
    fault: async (runs) => {
      const pid = sys.pid('trigger');
      process.kill(pid, 'SIGSTOP');
      try {
        const before = new Set(runs.flatMap((r) => r.ops.filter((o) => o.status === 'ok').map((o) => o.eventId!)));
        // Several trim rounds (TRIM_EVERY_MS=1000) while the trigger reads nothing.
        const until = acked(runs) + 6 * 40;
        await waitFor('load while the trigger is frozen', () => (acked(runs) >= until ? true : undefined), 120_000, 50);
        const info = (await sys.redis.call('XINFO', 'GROUPS', sys.keys.in)) as unknown[][];
        const trig = info.find((r) => r[r.indexOf('name') + 1] === 'trigger')!;
        const delivered = String(trig[trig.indexOf('last-delivered-id') + 1]);
        const later = runs.flatMap((r) => r.ops.filter((o) => o.status === 'ok' && !before.has(o.eventId!)).map((o) => o.eventId!));
        const cmp = (a: string, b: string) => { const [a1, a2] = a.split('-').map(Number); const [b1, b2] = b.split('-').map(Number); return a1 - b1 || a2 - b2; };
        for (const id of later.filter((id) => cmp(id, delivered) > 0)) {
          const got = await sys.redis.xrange(sys.keys.in, id, id);
          assert.equal(got.length, 1, `entry ${id}, not yet read by the frozen trigger, was trimmed`);
          checked++;
        }
      } finally {
        process.kill(pid, 'SIGCONT');
      }
      t.diagnostic(`entries kept for the frozen trigger: ${checked}`);
    },
  });
  assert.ok(checked > 0);
});
