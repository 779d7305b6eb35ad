import assert from 'node:assert/strict';
import { test } from 'node:test';
import { afterCrash, DEFAULT_POLICY } from '../scripts/runner/policy.ts';
import { errorOf, supervise, type SupervisorHooks } from '../scripts/runner/supervisor.ts';

// The runner behind `npm start`: a service that crashes is restarted with backoff, one that keeps
// crashing is given up with its last error while the others keep running. Real child processes.

test('the restart policy backs off and gives up after maxCrashes in the window', () => {
  const p = { ...DEFAULT_POLICY, maxCrashes: 5, windowMs: 60_000, baseDelayMs: 500, maxDelayMs: 4000 };
  assert.deepEqual(afterCrash(p, [], 100_000), { action: 'restart', delayMs: 500, crashesInWindow: 1 });
  assert.deepEqual(afterCrash(p, [99_000], 100_000), { action: 'restart', delayMs: 1000, crashesInWindow: 2 });
  assert.deepEqual(afterCrash(p, [97_000, 98_000, 99_000], 100_000), { action: 'restart', delayMs: 4000, crashesInWindow: 4 });
  assert.deepEqual(afterCrash(p, [96_000, 97_000, 98_000, 99_000], 100_000), { action: 'give-up', crashesInWindow: 5 });
  // Crashes older than the window are forgiven: a service that crashed now and then lives on.
  assert.deepEqual(afterCrash(p, [1_000, 2_000, 3_000, 4_000], 100_000), { action: 'restart', delayMs: 500, crashesInWindow: 1 });
});

test('the last error of a service is read from its pino lines or a thrown error', () => {
  assert.equal(errorOf('{"level":60,"msg":"failed to start","err":{"message":"connect ECONNREFUSED"}}'), 'failed to start: connect ECONNREFUSED');
  assert.equal(errorOf('{"level":30,"msg":"started"}'), undefined);
  assert.equal(errorOf('TypeError: x is not a function'), 'TypeError: x is not a function');
  assert.equal(errorOf('    at foo (file.ts:1:1)'), undefined);
});

/** Collects what the supervisor says, with a waiter per condition (no sleeps). */
function recorder() {
  const notes: string[] = [];
  const waiters: { pred: () => boolean; resolve: () => void }[] = [];
  const check = () => {
    for (const w of [...waiters]) if (w.pred()) { waiters.splice(waiters.indexOf(w), 1); w.resolve(); }
  };
  const ready = new Map<string, boolean>();
  const gaveUp: string[] = [];
  const hooks: SupervisorHooks = {
    line: () => undefined,
    note: (name, text) => { notes.push(`${name} ${text}`); check(); },
    readiness: (name, r) => { ready.set(name, r); check(); },
    gaveUp: (name) => { gaveUp.push(name); check(); },
  };
  const until = (what: string, pred: () => boolean, ms = 30_000) => new Promise<void>((resolve, reject) => {
    if (pred()) return resolve();
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; notes: ${notes.join(' | ')}`)), ms);
    waiters.push({ pred, resolve: () => { clearTimeout(timer); resolve(); } });
  });
  return { notes, ready, gaveUp, hooks, until };
}

// A service that reports itself ready over IPC and lives until told to stop.
const steady = `process.send({ type: 'health', ready: true, checks: {} }); setInterval(() => {}, 1000); process.on('SIGTERM', () => process.exit(0));`;
const spec = (name: string, code: string) => ({ name, command: process.execPath, args: ['-e', code], cwd: process.cwd(), env: { ...process.env } });

test('a crashing service is restarted, then given up with its last error; the other keeps running', { timeout: 60_000 }, async () => {
  const rec = recorder();
  const policy = { maxCrashes: 3, windowMs: 60_000, baseDelayMs: 20, maxDelayMs: 100 };
  const calm = supervise(spec('calm', steady), policy, rec.hooks);
  const crasher = supervise(spec('crasher', `console.error('Error: cannot reach the thing'); process.exit(3);`), policy, rec.hooks);
  try {
    await rec.until('calm ready', () => rec.ready.get('calm') === true);
    await rec.until('crasher given up', () => rec.gaveUp.includes('crasher'));
    assert.equal(crasher.state, 'given-up');
    assert.equal(crasher.restarts, 2, 'restarted twice, given up on the third crash');
    const restarting = rec.notes.filter((n) => n.startsWith('crasher exited unexpectedly (code 3); restarting in'));
    assert.equal(restarting.length, 2, rec.notes.join('\n'));
    const last = rec.notes.at(-1) ?? '';
    assert.match(last, /^crasher exited unexpectedly \(code 3\); crashed 3 times in 60 s: giving up on it; last error: Error: cannot reach the thing/);
    assert.equal(calm.state, 'running');
    assert.equal(calm.ready, true);
    assert.ok(calm.pid && process.kill(calm.pid, 0), 'the calm service is alive');
  } finally {
    await Promise.all([calm.stop(), crasher.stop()]);
  }
  assert.equal(calm.pid, undefined, 'stopped');
});

test('a killed service comes back as a new process and reports ready again', { timeout: 60_000 }, async () => {
  const rec = recorder();
  const svc = supervise(spec('worker', steady), { maxCrashes: 5, windowMs: 60_000, baseDelayMs: 20, maxDelayMs: 100 }, rec.hooks);
  try {
    await rec.until('ready', () => rec.ready.get('worker') === true);
    const first = svc.pid!;
    process.kill(first, 'SIGKILL');
    await rec.until('not ready', () => rec.ready.get('worker') === false);
    await rec.until('ready again', () => rec.ready.get('worker') === true);
    assert.notEqual(svc.pid, first);
    assert.equal(svc.restarts, 1);
    assert.ok(rec.notes.some((n) => /^worker exited unexpectedly \(signal SIGKILL\); restarting in 0\.0 s \(crash 1 of 5/.test(n)), rec.notes.join('\n'));
  } finally {
    await svc.stop();
  }
  assert.equal(svc.state, 'stopped');
});
