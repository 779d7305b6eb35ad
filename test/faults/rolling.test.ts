import { after, before, test } from 'node:test';
import { runScenario } from '../helpers/faults/scenario.ts';
import { SERVICES, startSystem, type System } from '../helpers/faults/system.ts';

// A rolling restart while sessions run: each service in turn gets SIGTERM (a clean stop); the runner
// restarts any exit it did not ask for, and the next one goes only when this one is ready again.

let sys: System;
before(async () => (sys = await startSystem()));
after(async () => sys?.stop());

test('a rolling restart of every service in turn (SIGTERM)', { timeout: 400_000 }, async (t) => {
  await runScenario(t, sys, {
    sessions: 8, frames: 40, pauseMs: 50,
    fault: async () => {
      for (const name of SERVICES) {
        const started = Date.now();
        await sys.killAndRecover(name, 'SIGTERM');
        t.diagnostic(`${name}: stopped, restarted and ready again in ${Date.now() - started} ms`);
      }
    },
  });
});
