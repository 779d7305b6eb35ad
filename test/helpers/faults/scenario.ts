import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { waitFor } from '../env.ts';
import { check, lostOrDuplicated, summary, type CheckResult } from './checker.ts';
import { drained } from './drain.ts';
import { closeAll, openSessions, runLoad, type LoadOptions, type SessionRun } from './load.ts';
import type { System } from './system.ts';

// One fault test: sessions under load, the fault injected once a share of the frames is
// acknowledged, the load finished, the pipeline drained, the checker run; zero lost and zero
// duplicated effects asserted, the checker's summary in the test's diagnostics.

export interface Scenario extends LoadOptions {
  /** inject once this many code updates (over all sessions) are acknowledged */
  faultAfterAcks?: number;
  /** or inject once this holds (instead of a count of acks) */
  faultWhen?: (runs: SessionRun[]) => boolean;
  fault(runs: SessionRun[]): Promise<void>;
  drainMs?: number;
  /** code updates each session types after the fault was injected and recovered from */
  framesAfterFault?: number;
}

export const acked = (runs: SessionRun[]) => runs.reduce((n, r) => n + r.ops.filter((o) => o.kind === 'code' && o.status === 'ok').length, 0);

export async function runScenario(t: TestContext, sys: System, sc: Scenario): Promise<CheckResult> {
  const runs = await openSessions(sys, sc.sessions);
  try {
    let faultDone = false;
    const load = runLoad(runs, { keepGoing: () => !faultDone, ...sc });
    const threshold = sc.faultAfterAcks ?? Math.floor((sc.sessions * sc.frames) / 3);
    const due = sc.faultWhen ?? (() => acked(runs) >= threshold);
    await waitFor('the moment of the fault', () => (due(runs) ? true : undefined), 120_000, 20);
    const started = Date.now();
    await sc.fault(runs);
    // Typing goes on a little after the recovery, so the recovered service sees live traffic too.
    const after = acked(runs) + sc.sessions * (sc.framesAfterFault ?? 15);
    await waitFor('acks after the fault', () => (acked(runs) >= after ? true : undefined), 120_000, 20);
    faultDone = true;
    t.diagnostic(`fault injected after ${acked(runs)} acks, took ${Date.now() - started} ms`);
    await load;
    const left = await drained(sys, runs, sc.drainMs ?? 120_000);
    const result = await check({ db: sys.db.pool, redis: sys.redis, keys: sys.keys }, runs);
    for (const line of summary(result).split('\n')) t.diagnostic(line);
    assert.equal(left, null, `the pipeline did not drain: ${left?.join('; ')}`);
    assert.deepEqual(lostOrDuplicated(result), []);
    assert.ok(result.snapshots.ok > 0 && result.reports.ok === runs.length, 'the load went through');
    return result;
  } catch (err) {
    for (const line of sys.tail(80).split('\n')) t.diagnostic(line);
    throw err;
  } finally {
    closeAll(runs);
  }
}
