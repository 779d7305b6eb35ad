import assert from 'node:assert/strict';
import type { Socket } from 'node:net';
import { after, before, test } from 'node:test';
import { waitFor } from '../helpers/env.ts';
import { acked, runScenario } from '../helpers/faults/scenario.ts';
import { startSystem, type System } from '../helpers/faults/system.ts';

// Faults at the edge: a client whose socket stops reading, and a few hundred clients reconnecting
// at once.

const STORM = Number(process.env.FAULT_STORM_CLIENTS ?? 250);
let sys: System;
before(async () => (sys = await startSystem()));
after(async () => sys?.stop());

test('a client socket that stops reading harms no other session', { timeout: 240_000 }, async (t) => {
  await runScenario(t, sys, {
    sessions: 6, frames: 40, pauseMs: 50,
    fault: async (runs) => {
      const stuck = runs[0];
      const socket = (stuck.client.ws as unknown as { _socket: Socket })._socket;
      socket.pause();
      const others = () => acked(runs.slice(1));
      const stuckAcks = acked([stuck]);
      const until = others() + 5 * 40;
      await waitFor('the other sessions going on', () => (others() >= until ? true : undefined), 120_000, 50);
      t.diagnostic(`others acknowledged ${others()} frames while one socket was not read; it had ${stuckAcks}, then ${acked([stuck])}`);
      socket.resume();
    },
  });
});

test(`a reconnect storm of ${STORM} clients`, { timeout: 400_000 }, async (t) => {
  await runScenario(t, sys, {
    sessions: STORM, frames: 8, pauseMs: 1000, window: 2, framesAfterFault: 2, drainMs: 240_000,
    faultAfterAcks: STORM * 3,
    fault: async (runs) => {
      const before = runs.map((r) => r.client.connects);
      for (const r of runs) r.client.drop();
      await waitFor('every client connected again', () => (runs.every((r, i) => r.client.connects > before[i]) ? true : undefined), 120_000, 100);
    },
  });
  assert.ok(true);
});
