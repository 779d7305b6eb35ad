import { after, before, test } from 'node:test';
import { runScenario } from '../helpers/faults/scenario.ts';
import { startSystem, type ServiceName, type System } from '../helpers/faults/system.ts';

// kill -9 of each service under load: the runner restarts it, the clients reconnect to a restarted
// gateway and resume with lastEventId, and nothing acknowledged is lost or applied twice.

let sys: System;
before(async () => (sys = await startSystem()));
after(async () => sys?.stop());

for (const name of ['snapshotter', 'trigger', 'agent', 'reporter', 'gateway'] as ServiceName[]) {
  test(`kill -9 of the ${name} under load`, { timeout: 240_000 }, async (t) => {
    await runScenario(t, sys, {
      sessions: 8, frames: 40, pauseMs: 50,
      fault: () => sys.killAndRecover(name),
    });
  });
}
