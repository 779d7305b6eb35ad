import { after, before, test } from 'node:test';
import { runScenario } from '../helpers/faults/scenario.ts';
import { startSystem, type ServiceName, type System } from '../helpers/faults/system.ts';

// kill -9 of each service under load: the runner restarts it, the clients reconnect to a restarted
// gateway and resume with lastEventId, and nothing acknowledged is lost or applied twice.

let sys: System;
before(async () => (sys = await startSystem()));
after(async () => sys?.stop());

for (const name of ['snapshotter', 'trigger', 'agent', 'gateway'] as ServiceName[]) {
  test(`kill -9 of the ${name} under load`, { timeout: 240_000 }, async (t) => {
    await runScenario(t, sys, {
      sessions: 8, frames: 40, pauseMs: 50,
      fault: () => sys.killAndRecover(name),
    });
  });
}

test('kill -9 of the reporter while reports are being written', { timeout: 240_000 }, async (t) => {
  await runScenario(t, sys, {
    sessions: 8, frames: 60, pauseMs: 50, keepGoing: () => false, framesAfterFault: 0,
    // The moment the first session's end is acknowledged: its report job is about to run.
    faultWhen: (runs) => runs.some((r) => r.ops.some((o) => o.kind === 'end' && o.status === 'ok')),
    fault: () => sys.killAndRecover('reporter'),
  });
});
