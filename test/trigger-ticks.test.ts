import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StreamMessage } from '../shared/consumer.ts';
import { claimFollowUp } from '../shared/follow-up.ts';
import type { ClientFrame } from '../shared/protocol.ts';
import { AskEntry, fieldsToRecord, InEntry, OutEntry } from '../shared/streams.ts';
import { handleIn } from '../services/trigger/handler.ts';
import { claimDue, startScanner } from '../services/trigger/scanner.ts';
import type { TriggerSettings } from '../services/trigger/settings.ts';
import { readState } from '../services/trigger/state.ts';
import { randomId, testLogger, waitFor } from './helpers/env.ts';
import { triggerOnRedis } from './helpers/trigger.ts';

// Time as events against real Redis: every decision puts the session's next wake on the schedule
// (P:due); every trigger replica's scanner claims due wakes atomically into tick entries on P:in;
// the trigger decides a tick like an update. Two replicas (scanners and handlers) on one session make
// one decision per moment; the schedule outlives a restarted scanner; an answer, the end of the
// session and follow-ups change the schedule as they should.

const T0 = 1_800_000_000_000;
const FUNC = 'def f(xs):\n    total = 0\n    for x in xs:\n        total += x\n    return total\n';
const SETTINGS: TriggerSettings = { minIntervalSec: 0, quietStartSec: 60, maxQuestions: 2, minDiffLines: 3, pendingTimeoutSec: 300, pauseSec: 20 };

let settings = SETTINGS;
const redis = triggerOnRedis(() => settings);
const { replica } = redis;
const msg = (sid: string, frame: ClientFrame, at: number): StreamMessage<InEntry> => redis.entry(sid, 'candidate', frame, at);
const update = (sid: string, seq: number, code: string, at: number) => msg(sid, { type: 'code_update', seq, code, language: 'python', ts: at }, at);

/** The ticks the scanners wrote for a session, as the consumer would decode them. */
async function ticksOf(sid: string): Promise<StreamMessage<InEntry>[]> {
  const entries = (await redis.tr.redis.xrange(redis.tr.keys.in, '-', '+')) as [string, string[]][];
  return entries.map(([id, f]) => ({ id, stream: redis.tr.keys.in, fields: fieldsToRecord(f), body: InEntry.parse(fieldsToRecord(f)) }))
    .filter((m) => m.body.sessionId === sid && m.body.frame.type === 'tick');
}
const asksOf = async (sid: string) =>
  (await redis.tr.redis.xrange(redis.tr.keys.ask, '-', '+')).map(([, f]) => AskEntry.parse(fieldsToRecord(f))).filter((a) => a.sessionId === sid);
const decisionsOf = async (sid: string) =>
  (await redis.tr.redis.xrange(redis.tr.keys.out(sid), '-', '+')).map(([, f]) => OutEntry.parse(fieldsToRecord(f))).filter((e) => e.type === 'decision');
const dueAt = async (sid: string) => {
  const s = await redis.tr.redis.zscore(redis.tr.keys.due, sid);
  return s === null ? null : Number(s);
};

test('a candidate held back by the quiet start is scheduled, claimed once by two scanners, and decided once by two handlers', async () => {
  for (let round = 0; round < 5; round++) {
    const sid = `s${randomId()}`;
    const d = await handleIn(redis.deps, update(sid, 1, FUNC, T0));
    assert.equal(d?.reasonCode, 'quiet_start');
    assert.equal(await dueAt(sid), T0 + 60_000, 'woken when the quiet start is over');
    const [a, b] = [replica(), replica()];
    const claimed = await Promise.all([claimDue(a, T0 + 60_000), claimDue(b, T0 + 60_000), claimDue(a, T0 + 60_000)]);
    const ticks = await ticksOf(sid);
    assert.equal(ticks.length, 1, `round ${round}: one tick per wake (claimed ${claimed})`);
    assert.equal(await dueAt(sid), null, 'claimed off the schedule');
    assert.equal(ticks[0].body.role, 'system');
    // Both replicas get the tick (a redelivery after a crash looks the same): one decision.
    const results = await Promise.all([handleIn(a, ticks[0]), handleIn(b, ticks[0])]);
    assert.equal(results.filter((r) => r !== null).length, 1, 'one decision per moment');
    const asks = await asksOf(sid);
    assert.equal(asks.length, 1);
    assert.equal(asks[0].code, FUNC, 'asked on the code the trigger saw last');
    assert.equal(asks[0].at, T0 + 60_000);
    const tickDecisions = (await decisionsOf(sid)).filter((e) => e.data.tick !== undefined);
    assert.deepEqual(tickDecisions.map((e) => [e.data.decision, e.data.tick, e.data.requestId]), [['ask', T0 + 60_000, asks[0].requestId]]);
    assert.equal(await handleIn(redis.deps, ticks[0]), null, 'a redelivered tick decides nothing');
  }
});

test('the schedule outlives a scanner: a wake set before a restart is claimed by the next scanner', async () => {
  const sid = `s${randomId()}`;
  await handleIn(redis.deps, update(sid, 1, FUNC, T0));
  const first = replica().redis;
  let scans = 0;
  const scanner = startScanner({ redis: first, keys: redis.tr.keys, log: testLogger() }, 20, () => (scans++, T0 + 59_000));
  await waitFor('the first scanner to run', () => (scans > 1 ? true : undefined));
  await scanner.stop();
  first.disconnect();
  assert.equal((await ticksOf(sid)).length, 0, 'not due yet');
  assert.equal(await dueAt(sid), T0 + 60_000, 'still scheduled after the scanner stopped');
  // A new process: new connection, new scanner, same Redis.
  const restarted = replica();
  const scanners = [restarted, replica()].map((r) => startScanner({ redis: r.redis, keys: redis.tr.keys, log: testLogger() }, 20, () => T0 + 61_000));
  const ticks = await waitFor('the tick', async () => ((await ticksOf(sid)).length ? ticksOf(sid) : undefined));
  await Promise.all(scanners.map((s) => s.stop()));
  assert.equal((await ticksOf(sid)).length, 1);
  assert.equal((await handleIn(redis.deps, ticks[0]))?.decision, 'ask');
});

test('a code update after the wake was claimed decides that moment; the older tick is stale', async () => {
  const sid = `s${randomId()}`;
  await handleIn(redis.deps, update(sid, 1, FUNC, T0));
  await claimDue(redis.deps, T0 + 60_000);
  const [tick] = await ticksOf(sid);
  assert.equal((await handleIn(redis.deps, update(sid, 2, FUNC + '\n', T0 + 60_500)))?.decision, 'ask');
  assert.equal(await handleIn(redis.deps, tick), null, 'the newer update decided that moment');
  assert.equal((await asksOf(sid)).length, 1);
});

test('an answer opens the pending gate: the held-back candidate is due at once; the end of the session unschedules', async () => {
  settings = { ...SETTINGS, quietStartSec: 0 };
  try {
    const sid = `s${randomId()}`;
    assert.equal((await handleIn(redis.deps, update(sid, 1, FUNC, T0)))?.decision, 'ask');
    const two = FUNC + '\ndef g(xs):\n    best = xs[0]\n    for x in xs:\n        best = max(best, x)\n    return best\n';
    assert.equal((await handleIn(redis.deps, update(sid, 2, two, T0 + 10_000)))?.reasonCode, 'question_pending');
    assert.equal(await dueAt(sid), T0 + 300_000, 'held back until the question times out');
    const [ask] = await asksOf(sid);
    await handleIn(redis.deps, msg(sid, { type: 'response_submitted', questionId: ask.questionId, answer: 'it sums', ts: 1 }, T0 + 15_000));
    assert.equal(await dueAt(sid), T0 + 15_000, 'answered: due at once, the answer reopened the gate');
    assert.equal((await readState(redis.deps, sid)).answeredAt, T0 + 15_000, 'the answer is a moment of its own');
    await handleIn(redis.deps, msg(sid, { type: 'end_session' }, T0 + 16_000));
    assert.equal(await dueAt(sid), null);
    assert.equal(await claimDue(redis.deps, T0 + 400_000) >= 0, true);
    assert.equal((await ticksOf(sid)).length, 0);
    assert.equal(await handleIn(redis.deps, update(sid, 3, two + '\n', T0 + 17_000)), null, 'nothing is decided after the end');
  } finally {
    settings = SETTINGS;
  }
});

test('a follow-up takes the pending slot atomically, counts toward the maximum, and is refused past it', async () => {
  settings = { ...SETTINGS, quietStartSec: 0 };
  try {
    const sid = `s${randomId()}`;
    await handleIn(redis.deps, update(sid, 1, FUNC, T0));
    const [ask] = await asksOf(sid);
    const claims = await Promise.all([1, 2].map((i) => claimFollowUp(replica(), { sessionId: sid, parentId: ask.questionId, questionId: `q_fu${i}`, at: T0 + 5_000 })));
    assert.deepEqual(claims.sort(), [false, true], 'never two questions waiting');
    let state = await readState(redis.deps, sid);
    assert.equal(state.asked, 2, 'the follow-up counts');
    assert.equal(state.lastAskAt, T0 + 5_000);
    assert.equal((await handleIn(redis.deps, update(sid, 2, FUNC + 'x = 1\n', T0 + 6_000)))?.reasonCode, 'question_pending', 'it blocks the next question');
    await handleIn(redis.deps, msg(sid, { type: 'response_submitted', questionId: state.pending, answer: 'x', ts: 1 }, T0 + 7_000));
    assert.equal(await claimFollowUp(redis.deps, { sessionId: sid, parentId: state.pending, questionId: 'q_fu3', at: T0 + 8_000 }), false, 'the maximum (2) is reached');
    // The setting that says follow-ups do not count.
    settings = { ...SETTINGS, quietStartSec: 0, followUpsCount: false };
    const other = `s${randomId()}`;
    await handleIn(redis.deps, update(other, 1, FUNC, T0));
    const [ask2] = await asksOf(other);
    assert.equal(await claimFollowUp(redis.deps, { sessionId: other, parentId: ask2.questionId, questionId: 'q_fu4', at: T0 + 5_000 }), true);
    state = await readState(redis.deps, other);
    assert.equal(state.asked, 1, 'not counted');
    assert.equal(state.pending, 'q_fu4', 'but it still blocks');
  } finally {
    settings = SETTINGS;
  }
});
