import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { StreamMessage } from '../shared/consumer.ts';
import type { ClientFrame } from '../shared/protocol.ts';
import { AskEntry, fieldsToRecord, OutEntry, type InEntry } from '../shared/streams.ts';
import { handleIn } from '../services/trigger/handler.ts';
import type { TriggerSettings } from '../services/trigger/settings.ts';
import { readState } from '../services/trigger/state.ts';
import { randomId } from './helpers/env.ts';
import { triggerOnRedis } from './helpers/trigger.ts';

// The trigger against real Redis must ask at most once per pending question even when replicas race
// on one session, and never twice for a redelivered update. Frames here are Python whose whole
// lines arrive at once (a boundary), or a language the analysis does not know, where the diff-size
// rule asks only after a pause, on a tick (the structural rules are in trigger-rules.test.ts, the
// scheduler in trigger-ticks.test.ts).

const NOW = 1_700_000_000_000;
const FIVE_LINES = 'def f(xs):\n    total = 0\n    for x in xs:\n        total += x\n    return total\n';

describe('handleIn against Redis', () => {
  const SETTINGS: TriggerSettings = { minIntervalSec: 0, quietStartSec: 0, maxQuestions: 5, minDiffLines: 1, pendingTimeoutSec: 300 };
  const redis = triggerOnRedis(() => SETTINGS);
  const { replica } = redis;
  let n = 0;
  const msg = (sessionId: string, frame: ClientFrame, at = NOW + n++ * 1000): StreamMessage<InEntry> => redis.entry(sessionId, 'candidate', frame, at);
  const update = (sid: string, seq: number, code: string, language = 'python') => msg(sid, { type: 'code_update', seq, code, language, ts: seq });
  /** Time passing: the tick the scanner would write once the candidate has paused (20 s by default). */
  const pauseTick = (sid: string, at: number): StreamMessage<InEntry> => redis.entry(sid, 'system', { type: 'tick', due: at }, at);
  const answer = (sid: string, questionId: string) => msg(sid, { type: 'response_submitted', questionId, answer: 'because', ts: 1 });
  const asks = async (sid: string) =>
    (await redis.tr.redis.xrange(redis.tr.keys.ask, '-', '+')).map(([, f]) => AskEntry.parse(fieldsToRecord(f))).filter((a) => a.sessionId === sid);

  for (const mode of ['one process', 'two replicas'] as const) {
    test(`two concurrent code_updates of one session ask exactly once (${mode})`, async () => {
      // Several rounds: the interleaving differs from run to run, the outcome must not.
      for (let round = 0; round < 10; round++) {
        const sid = `s${randomId()}`;
        const [a, b] = mode === 'one process' ? [redis.deps, redis.deps] : [replica(), replica()];
        const results = await Promise.all([handleIn(a, update(sid, 1, 'x = 1\n')), handleIn(b, update(sid, 2, 'x = 1\n' + FIVE_LINES))]);
        const found = await asks(sid);
        assert.equal(found.length, 1, `round ${round}: one ask`);
        assert.equal(results.filter((r) => r?.decision === 'ask').length, 1);
        const state = await readState(redis.deps, sid);
        assert.equal(state.pending, found[0].questionId);
        assert.equal(state.asked, 1);
        assert.equal(state.lastSeq, 2, 'newest seq wins whatever the order');
        // The interviewer sees the decision once, too.
        const out = (await redis.tr.redis.xrange(redis.tr.keys.out(sid), '-', '+')).map(([, f]) => OutEntry.parse(fieldsToRecord(f)));
        const askShown = out.filter((e) => e.type === 'decision' && e.data.decision === 'ask');
        assert.deepEqual(askShown.map((e) => [e.audience, e.data.requestId]), [['interviewer', found[0].requestId]]);
        assert.ok(out.every((e) => e.type === 'decision' && e.audience !== 'all'), 'decisions never reach the candidate');
      }
    });
  }

  test('a redelivered update (same seq) does not ask again, even after the answer', async () => {
    const sid = `s${randomId()}`;
    const m = update(sid, 1, FIVE_LINES);
    assert.equal((await handleIn(redis.deps, m))?.decision, 'ask');
    assert.equal(await handleIn(redis.deps, m), null);
    assert.equal(await handleIn(replica(), m), null);
    const [ask] = await asks(sid);
    await handleIn(redis.deps, answer(sid, ask.questionId));
    assert.equal(await handleIn(redis.deps, m), null, 'answered, but seq 1 was already decided');
    assert.equal((await asks(sid)).length, 1);
    assert.equal((await readState(redis.deps, sid)).lastSeq, 1);
  });

  test('response_submitted clears the pending question only for its own questionId', async () => {
    const sid = `s${randomId()}`;
    const u1 = update(sid, 1, 'a = 1\n', 'other');
    assert.equal((await handleIn(redis.deps, u1))?.reasonCode, 'mid_edit', 'the diff-size rule waits for a pause');
    assert.equal((await handleIn(redis.deps, pauseTick(sid, u1.body.at + 20_000)))?.decision, 'ask');
    const [first] = await asks(sid);
    assert.equal(first.reasonCode, 'diff_threshold');
    assert.equal(first.code, 'a = 1\n');

    assert.equal(await handleIn(redis.deps, answer(sid, 'q_someone_else')), null);
    assert.equal((await readState(redis.deps, sid)).pending, first.questionId, 'another id leaves it pending');
    assert.equal((await handleIn(redis.deps, update(sid, 2, 'a = 1\nb = 2\n', 'other')))?.reasonCode, 'question_pending');

    await handleIn(redis.deps, answer(sid, first.questionId));
    assert.equal((await readState(redis.deps, sid)).pending, '');
    const u3 = update(sid, 3, 'a = 1\nb = 2\nc = 3\n', 'other');
    await handleIn(redis.deps, u3);
    const next = await handleIn(redis.deps, pauseTick(sid, u3.body.at + 20_000));
    assert.equal(next?.decision, 'ask');
    const all = await asks(sid);
    assert.equal(all.length, 2);
    assert.notEqual(all[1].questionId, first.questionId);
    assert.equal((await readState(redis.deps, sid)).asked, 2);
  });
});
