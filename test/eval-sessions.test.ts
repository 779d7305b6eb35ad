import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeCode } from '../shared/analysis/index.ts';
import { loadConfig } from '../shared/config.ts';
import { questionIdFor } from '../shared/ids.ts';
import type { CodeUpdate } from '../shared/protocol.ts';
import type { TriggerState } from '../services/trigger/rules.ts';
import { defaultSettings, type TriggerSettings } from '../services/trigger/settings.ts';
import { emptyState, step, type StepResult } from '../services/trigger/step.ts';
import { triggerClock, type TriggerClock } from '../scripts/eval/clock.ts';
import { sessionsPart } from '../scripts/eval/sessions.ts';
import { sessions } from '../eval/sessions/index.ts';
import { answered, replaySession, totals, type ReplayDeps } from '../eval/sessions/replay.ts';
import { CLOCK_BASE, simulate, type Keystroke, type SimEvent, type Simulation } from '../eval/sessions/typing.ts';

const settings: TriggerSettings = { minIntervalSec: 0, maxQuestions: 5, quietStartSec: 0, minDiffLines: 5, pendingTimeoutSec: 300 };

const frame = (seq: number, atSec: number, midToken: boolean): SimEvent => ({
  kind: 'code', at: atSec * 1000, midToken,
  frame: { type: 'code_update', seq, code: `x = ${seq}\n`, language: 'python', ts: CLOCK_BASE + atSec * 1000, cursor: { line: 2, col: 0 } },
});

/** A decision step that asks on the given seqs whenever no question is pending, and otherwise waits. */
function askingOn(seqs: number[], seen: TriggerState[]): ReplayDeps['step'] {
  return (sessionId, f: CodeUpdate, at, state): StepResult => {
    seen.push(state);
    const ask = seqs.includes(f.seq) && !state.pending;
    const requestId = `${sessionId}:${f.seq}`;
    const extra = { lastCode: f.code, analysis: '', lastUpdateAt: String(at), burstLines: '0', backlog: '[]', askedKeys: '[]' };
    return {
      decision: { decision: ask ? 'ask' : 'skip', reasonCode: ask ? 'test_ask' : 'test_skip', reason: '', backlog: [], newCandidate: false, activity: { burstLines: 0, pause: false, paste: false } },
      ask: ask ? { sessionId, requestId, seq: f.seq, reasonCode: 'test_ask', reason: '', at, questionId: questionIdFor(requestId), language: f.language, code: f.code, context: { topic: 'purpose', function: 'f' } } : null,
      record: { decision: ask ? 'ask' : 'skip', reasonCode: 'test', reason: '', seq: f.seq }, audience: 'audit', extra, wakeAt: null,
    };
  };
}

const recording = (events: SimEvent[], keys: Keystroke[] = []): Simulation => ({
  events, keys, durationMs: 200_000, code: '',
  marks: [{ fromSec: 8, toSec: 15, about: 'first' }, { fromSec: 95, toSec: 110, about: 'second' }, { fromSec: 150, toSec: 160, about: 'third' }],
});

test('asks are counted on the recording\'s clock: on a mark, mid-token, and the marks nobody asked at', async () => {
  const seen: TriggerState[] = [];
  const arrived: number[] = [];
  // seq 1 (10 s) asks on mark 1; seq 3 (60 s) asks mid-token outside any mark; seq 4 (100 s) is on
  // mark 2 but the step does not ask; seq 5 (152 s) asks on mark 3 but mid-token, which does not count.
  const sim = recording([frame(1, 10, false), frame(2, 20, false), frame(3, 60, true), frame(4, 100, false), frame(5, 152, true)]);
  const stepping = askingOn([1, 3, 5], seen);
  const deps: ReplayDeps = {
    analyze: async () => null, settings, clock: null, answerSec: (n) => [30, 45, 10][n],
    step: (id, f, at, state, s, a) => (arrived.push(at - CLOCK_BASE), stepping(id, f, at, state, s, a)),
  };
  const o = await replaySession(deps, 'synthetic', sim);
  assert.deepEqual(o.asks.map((a) => [a.sec, a.midToken, a.mark, a.hit, a.via, a.reasonCode]), [
    [10, false, 0, true, 'update', 'test_ask'], [60, true, null, false, 'update', 'test_ask'], [152, true, 2, false, 'update', 'test_ask'],
  ]);
  assert.deepEqual(o.hit, [true, false, false]);
  // the candidate does not type while answering: what follows an ask arrives that much later
  assert.deepEqual(arrived, [10_000, 50_000, 90_000, 175_000, 227_000]);
  // each answer cleared its question before the next update
  assert.deepEqual(seen.map((s) => s.pending), ['', '', '', '', '']);
  assert.deepEqual(seen.map((s) => s.asked), [0, 1, 1, 2, 2]);
  assert.deepEqual(totals([o]), { sessions: 1, asks: 3, asksOnMark: 1, asksMidToken: 2, marks: 3, marksHit: 1, marksMissed: 2, hitRate: 1 / 3 });
});

test('an answer clears only its own question, as trigger-answered.lua does', () => {
  const s = { ...emptyState(), pending: 'q1', version: '4' };
  assert.equal(answered(s, 'q0'), s);
  assert.deepEqual(answered(s, 'q1'), { ...s, pending: '', version: '5' });
});

test('time-driven decisions from the clock are asked between updates and judged by the editor\'s state then', async () => {
  // A clock that wakes 20 s after the last update and asks when nothing is pending.
  const clock: TriggerClock = {
    nextWakeAt: (s) => (s.lastUpdateAt === null || s.pending || (s.lastAskAt ?? -1) >= s.lastUpdateAt ? null : s.lastUpdateAt + 20_000),
    async tick(sessionId, at, state) {
      const requestId = `${sessionId}:tick:${at}`;
      const questionId = questionIdFor(requestId);
      const result = {
        ask: { sessionId, requestId, seq: state.lastSeq ?? 0, reasonCode: 'pause_tick', reason: '', at, questionId, language: 'python', code: state.lastCode, context: { topic: 'purpose' } },
      } as StepResult;
      return { result, state: { ...state, pending: questionId, pendingSince: at, lastAskAt: at, asked: state.asked + 1 } };
    },
  };
  const keys: Keystroke[] = [
    { at: 80_000, code: 'x', cursor: 1, midToken: false },
    { at: 140_000, code: 'x = fo', cursor: 6, midToken: true },
  ];
  // updates at 80 s and 140 s: a tick at 100 s (on mark 2, editor at a boundary), the answer takes
  // 30 s, the update at 140 s arrives at 170 s, the next tick at 190 s is 160 s on the recording:
  // mid-token (the last keystroke was half a word) and on mark 3.
  const sim = recording([frame(1, 80, false), frame(2, 140, true)], keys);
  const o = await replaySession({ analyze: async () => null, step: askingOn([], []), settings, clock, answerSec: () => 30 }, 'ticks', sim);
  assert.deepEqual(o.asks.map((a) => [a.sec, a.via, a.reasonCode, a.midToken, a.mark]), [[100, 'tick', 'pause_tick', false, 1], [160, 'tick', 'pause_tick', true, 2]]);
});

test('the real trigger on a recorded session: within its limits, each ask placed against the marks it reports', async () => {
  const real = defaultSettings(loadConfig({}));
  const script = sessions.find((s) => s.language === 'java')!;
  const sim = simulate(script);
  // With a settle time the trigger asks on ticks only: without its clock it asks nothing at all.
  const still = await replaySession({ analyze: analyzeCode, step, settings: real, clock: null }, script.id, sim, script.seed);
  assert.ok((real.settleSec ?? 0) > 0 && still.asks.length === 0, 'a question waits until the candidate has stopped typing');
  const o = await replaySession({ analyze: analyzeCode, step, settings: real, clock: triggerClock() }, script.id, sim, script.seed);
  assert.ok(o.asks.length >= 1 && o.asks.length <= real.maxQuestions);
  assert.ok(o.asks.every((a) => a.via === 'tick' && !a.midToken), 'asked on ticks, never mid-token');
  assert.ok(o.asks.every((a) => a.sec >= real.quietStartSec), 'nothing during the quiet start');
  for (const a of o.asks) {
    const inside = sim.marks.findIndex((m) => m.fromSec <= a.sec && a.sec <= m.toSec);
    assert.equal(a.mark, inside < 0 ? null : inside);
    assert.equal(a.hit, inside >= 0 && !a.midToken);
  }
});

test('npm run eval part: prints every session and the totals, ok only without mid-token asks and with 60 % of marks hit', async () => {
  const r = await sessionsPart.run({ verbose: false });
  for (const s of sessions) assert.ok(r.lines.some((l) => l.startsWith(s.id)), s.id);
  const f = r.figures;
  assert.equal(f.marks, sessions.reduce((n, s) => n + simulate(s).marks.length, 0));
  assert.equal(f.marksHit + f.marksMissed, f.marks);
  assert.ok(f.asksOnMark <= f.asks && f.asksMidToken <= f.asks);
  assert.equal(r.ok, f.asksMidToken === 0 && f.hitRate >= 0.6);
  assert.ok(r.lines.some((l) => l.includes(`marked moments ${f.marks}, hit ${f.marksHit}`)));
  // the target itself: a trigger that interrupts mid-token or misses the moments fails here
  assert.equal(f.asksMidToken, 0, r.lines.join('\n'));
  assert.ok(f.hitRate >= 0.6, `${Math.round(f.hitRate * 100)} % of marked moments hit`);
});
