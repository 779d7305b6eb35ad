import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { waitFor } from '../helpers/env.ts';
import { runScenario } from '../helpers/faults/scenario.ts';
import { startSystem, type System } from '../helpers/faults/system.ts';

// The stores fail under load: Redis restarts (a clean shutdown, then the AOF replayed; with
// appendfsync always every acknowledged frame is in it), and PostgreSQL is unreachable for 20 s
// (FAULT_PG_OUTAGE_MS) behind the proxy, without touching the machine's shared server.

const OUTAGE_MS = Number(process.env.FAULT_PG_OUTAGE_MS ?? 20_000);
let sys: System;
before(async () => (sys = await startSystem()));
after(async () => sys?.stop());

const readyz = async () => ((await fetch(`${sys.base}/readyz`).catch(() => null))?.ok ? true : undefined);

test('a Redis restart under load (AOF replayed)', { timeout: 300_000 }, async (t) => {
  await runScenario(t, sys, {
    sessions: 8, frames: 40, pauseMs: 50,
    fault: async () => {
      await sys.store.restart();
      await waitFor('the gateway ready after the Redis restart', readyz, 60_000, 100);
    },
  });
});

test(`PostgreSQL unavailable for ${OUTAGE_MS / 1000} s under load`, { timeout: 300_000 }, async (t) => {
  await runScenario(t, sys, {
    sessions: 8, frames: 40, pauseMs: 50,
    fault: async () => {
      await sys.proxy.cut(OUTAGE_MS);
      t.diagnostic(`connections refused during the outage: ${sys.proxy.refused}`);
      assert.ok(sys.proxy.refused > 0, 'the services felt the outage');
      await waitFor('the gateway ready after the outage', readyz, 60_000, 100);
    },
  });
});
