import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decisionFigures } from '../bench/decisions.ts';
import { fileAt } from '../bench/files.ts';
import { drained, maxLag } from '../bench/lag.ts';
import { encodeHistogram, mergeHistograms, newHistogram, recordMs, summarizeHistogram } from '../bench/hdr.ts';
import { latencyFromSchedule, OpenLoopSchedule, sendsPerSession, sendTime } from '../bench/schedule.ts';
import { evaluateTargets } from '../bench/targets.ts';
import { questionIdFor } from '../shared/ids.ts';

// The bench's pure parts, without any load: the open-loop schedule, HDR summaries, target checks.

test('open loop: every session sends at fixed times, phases spread over one period, handed out in time order', () => {
  const plan = { sessions: 4, ratePerSec: 2, durationMs: 3000 };
  assert.equal(sendsPerSession(plan), 6);
  assert.equal(sendTime(plan, 1000, 0, 0), 1000);
  assert.equal(sendTime(plan, 1000, 2, 0), 1250);
  assert.equal(sendTime(plan, 1000, 1, 3), 1000 + 125 + 1500);
  // one load process with sessions 1 and 3
  const s = new OpenLoopSchedule(plan, 1000, [3, 1]);
  assert.equal(s.total, 12);
  assert.deepEqual(s.due(999), []);
  assert.equal(s.waitMs(999), 126);
  assert.deepEqual(s.due(1400).map((d) => [d.session, d.k, d.at]), [[1, 0, 1125], [3, 0, 1375]]);
  // a stalled process catches up: everything due goes at once, each with its own scheduled time
  const late = s.due(2700);
  assert.deepEqual(late.map((d) => d.at), [1625, 1875, 2125, 2375, 2625]);
  assert.ok(late.every((d, i) => i === 0 || d.at > late[i - 1]!.at));
  s.due(1e9);
  assert.equal(s.waitMs(1e9), null);
  // latency counts from the schedule, not from when the late send went out
  assert.equal(latencyFromSchedule(1625, 2710), 1085);
});

test('HDR: percentiles of merged load processes, p99.9 included, to 0.1 %', () => {
  const a = newHistogram();
  const b = newHistogram();
  for (let i = 1; i <= 990; i++) recordMs(a, 1);
  for (let i = 1; i <= 9; i++) recordMs(b, 50);
  recordMs(b, 2000);
  const s = summarizeHistogram(mergeHistograms([encodeHistogram(a), encodeHistogram(b)]));
  assert.equal(s.count, 1000);
  assert.ok(Math.abs(s.p50Ms - 1) < 0.002);
  assert.ok(Math.abs(s.p99Ms - 1) < 0.002);
  assert.ok(Math.abs(s.p999Ms - 50) < 0.05);
  assert.ok(Math.abs(s.maxMs - 2000) < 2);
  assert.ok(Number.isNaN(summarizeHistogram(newHistogram()).p99Ms));
});

test('targets: ratios within the run pass or fail; what was not measured is neither', () => {
  const r = evaluateTargets({
    s1: { gatewayCpuPerFrame: 15, rawPipeCpuPerFrame: 13, socketIoCpuPerFrame: 18, gatewayAcksPerSec: 40_000, rawPipeAcksPerSec: 55_000, gatewayRedisCpuPerFrame: 5, xaddRedisCpuPerFrame: 2 },
    s2: { sent: 100, acked: 100, ackP99Ms: 12, drainMs: null, decisionAgeMaxMs: 1500 },
  });
  const by = Object.fromEntries(r.map((t) => [t.id, t]));
  assert.equal(by['s1-cpu-vs-raw-pipe']!.pass, true);
  assert.equal(by['s1-cpu-vs-socketio']!.pass, false);
  assert.equal(by['s1-throughput-vs-raw-pipe']!.pass, false);
  assert.equal(by['s1-redis-vs-xadd']!.pass, false);
  assert.equal(by['s1-redis-vs-xadd']!.measured, 2.5);
  assert.equal(by['s2-all-acked']!.pass, true);
  assert.equal(by['s2-ack-p99']!.pass, false);
  assert.equal(by['s2-drain']!.pass, false);
  assert.equal(by['s2-decision-age']!.pass, true);
  assert.equal(by['s2-question-p99']!.pass, null);
  assert.equal(by['memory-per-session']!.pass, null);
});

test('decision age and update→question: from the update time of the seq, out-stream times only, a decision in both sources counted once', () => {
  const updates = new Map([['S1', [1000, 2000, 3000]]]);
  const requestId = 'ask-s1-3';
  const f = decisionFigures([
    { sessionId: 's1', decision: 'skip', seq: 1, atMs: 1500, source: 'out' },
    // the archive's row of the same decision, stamped with its update's time: counted once, not aged
    { sessionId: 's1', decision: 'skip', seq: 1, atMs: 1000, source: 'archive' },
    // a routine decision only archived
    { sessionId: 's1', decision: 'skip', seq: 2, atMs: 2000, source: 'archive' },
    { sessionId: 's1', decision: 'skip', seq: 2, tick: 9000, atMs: 9000, source: 'archive' },
    { sessionId: 's1', decision: 'ask', seq: 3, requestId, atMs: 3004, source: 'out' },
  ], [{ sessionId: 's1', questionId: questionIdFor(requestId), atMs: 3020 }], updates);
  assert.equal(f.decisions, 4);
  assert.deepEqual(f.bySource, { out: 2, archive: 2 });
  assert.equal(f.aged, 2);
  assert.ok(Math.abs(f.ageMs.maxMs - 500) < 1);
  assert.equal(f.asks, 1);
  assert.equal(f.updateToQuestionMs.count, 1);
  assert.ok(Math.abs(f.updateToQuestionMs.p50Ms - 20) < 0.1);
});

test('realistic files: 30 to 60 lines, the caret at the end of the last finished line', () => {
  for (let s = 0; s < 40; s++) {
    for (const k of [0, 1, 20, 59, 200]) {
      const v = fileAt(s, k);
      assert.ok(v.lines >= 30 && v.lines <= 60, `${s}/${k}: ${v.lines}`);
      assert.equal(v.code.split('\n').length - 1, v.lines);
      assert.equal(v.cursor.line, v.lines);
    }
  }
  assert.notEqual(fileAt(3, 100).code, fileAt(3, 101).code);
});

test('lag: drained only when every group caught up; the most each group was behind, in entries and in time', () => {
  const behind = { 'in/trigger': { lag: 40, pending: 10, caughtUp: false, oldestUnackedAgeMs: 2500 }, 'in/snapshotter': { lag: 0, pending: 0, caughtUp: true, oldestUnackedAgeMs: 0 } };
  const caught = { 'in/trigger': { lag: 0, pending: 0, caughtUp: true, oldestUnackedAgeMs: 0 }, 'in/snapshotter': { lag: 3, pending: 5, caughtUp: false, oldestUnackedAgeMs: 40 } };
  assert.equal(drained(behind), false);
  assert.equal(drained({ 'in/trigger': caught['in/trigger'] }), true);
  assert.deepEqual(maxLag([behind, caught]), {
    'in/trigger': { maxLag: 40, maxPending: 10, maxOldestUnackedAgeMs: 2500 },
    'in/snapshotter': { maxLag: 3, maxPending: 5, maxOldestUnackedAgeMs: 40 },
  });
});
