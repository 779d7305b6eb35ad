import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { StreamMessage } from '../shared/consumer.ts';
import type { ClientFrame } from '../shared/protocol.ts';
import { AskEntry, fieldsToRecord, OutEntry, type InEntry } from '../shared/streams.ts';
import { handleIn, type TriggerDeps } from '../services/trigger/handler.ts';
import type { TriggerDecision } from '../services/trigger/rules.ts';
import type { TriggerSettings } from '../services/trigger/settings.ts';
import { randomId, testLogger, testRedis, type TestRedis } from './helpers/env.ts';
import { PY_BRUTE, PY_HASH, upTo } from './fixtures/two-sum.ts';
import { JAVA_WITH_HELPER } from '../eval/choice/sessions.ts';

// The trigger's rules on recorded typing sequences, through the real handler, the real tree-sitter
// analysis and real Redis: what it asks about, when, and why it holds back.

const T0 = 1_800_000_000_000;
const SETTINGS: TriggerSettings = { minIntervalSec: 0, quietStartSec: 0, maxQuestions: 5, minDiffLines: 3, pendingTimeoutSec: 300 };
let tr: TestRedis;
let deps: TriggerDeps;
let settings = SETTINGS;

before(() => {
  tr = testRedis();
  deps = { redis: tr.redis, keys: tr.keys, stateTtlSec: 3600, log: testLogger(), settings: async () => settings };
});
after(() => tr.cleanup());

type Step = { at: number; code?: string; answerLast?: true; paste?: number; tick?: true };

/** Replays a recorded session: code snapshots (seconds from the start), answers and pastes. */
async function replay(language: string, steps: Step[]): Promise<{ sid: string; decisions: (TriggerDecision | null)[]; asks: AskEntry[] }> {
  const sid = `s${randomId()}`;
  const decisions: (TriggerDecision | null)[] = [];
  let seq = 0;
  let n = 0;
  const msg = (frame: ClientFrame, at: number): StreamMessage<InEntry> => ({
    id: `${at}-${n++}`, stream: tr.keys.in, fields: {}, body: { sessionId: sid, role: 'candidate', type: frame.type, frame, at },
  });
  for (const step of steps) {
    const at = T0 + step.at * 1000;
    if (step.paste) await handleIn(deps, msg({ type: 'editor_event', kind: 'paste', ts: at, detail: { chars: step.paste } }, at));
    if (step.answerLast) {
      const last = (await asksOf(sid)).at(-1);
      assert.ok(last, 'there is a question to answer');
      await handleIn(deps, msg({ type: 'response_submitted', questionId: last.questionId, answer: 'an answer', ts: at }, at));
    }
    if (step.tick) {
      decisions.push(await handleIn(deps, { id: `${at}-${n++}`, stream: tr.keys.in, fields: {}, body: { sessionId: sid, role: 'system', type: 'tick', frame: { type: 'tick', due: at }, at } }));
    }
    if (step.code !== undefined) {
      seq++;
      decisions.push(await handleIn(deps, msg({ type: 'code_update', seq, code: step.code, language, ts: at }, at)));
    }
  }
  return { sid, decisions, asks: await asksOf(sid) };
}

async function asksOf(sid: string): Promise<AskEntry[]> {
  return (await tr.redis.xrange(tr.keys.ask, '-', '+')).map(([, f]) => AskEntry.parse(fieldsToRecord(f))).filter((a) => a.sessionId === sid);
}


test('python: the nested loop of a brute-force two_sum is what gets asked about, naming the function and lines', async () => {
  const { asks, decisions } = await replay('python', [
    { at: 0, code: upTo(PY_BRUTE, 1) },
    { at: 5, code: upTo(PY_BRUTE, 2) },
    { at: 10, code: upTo(PY_BRUTE, 3) + '\n            pass' },
    { at: 15, code: upTo(PY_BRUTE, 7) },
  ]);
  assert.equal(asks.length, 1, JSON.stringify(decisions.map((d) => d && [d.decision, d.reasonCode])));
  const [ask] = asks;
  assert.equal(ask.reasonCode, 'nested_loops');
  assert.equal(ask.context.topic, 'time_complexity');
  assert.equal(ask.context.function, 'two_sum');
  assert.deepEqual(ask.context.lines, [1, 6]);
  assert.match(ask.reason, /two_sum.*nested.*nums/);
  assert.equal((ask.context.facts as { complexity: string }).complexity, 'O(n^2)');
});

test('python: after the answer, rewriting with a dict is a new reason to ask; never two unanswered', async () => {
  const { asks, decisions } = await replay('python', [
    { at: 0, code: upTo(PY_BRUTE, 7) },
    { at: 20, code: upTo(PY_HASH, 3) + '\n        pass' },
    { at: 40, answerLast: true, code: upTo(PY_HASH, 8) },
  ]);
  assert.equal(asks[0].reasonCode, 'nested_loops');
  assert.equal(decisions[1]?.reasonCode, 'question_pending');
  assert.equal(asks.length, 2);
  assert.equal(asks[1].reasonCode, 'complexity_improved', 'brute force first, then improved: the moment to ask what changed');
  assert.equal(asks[1].context.topic, 'data_structure_choice');
  assert.equal(asks[1].context.function, 'two_sum');
  assert.match(asks[1].reason, /two_sum went from O\(n\^2\) to O\(n\) using seen/);
});

test('javascript: recursion is asked about with its base case', async () => {
  const code = ['function fib(n) {', '  if (n < 2) return n;', '  return fib(n - 1) + fib(n - 2);', '}', ''].join('\n');
  const { asks } = await replay('javascript', [{ at: 0, code: 'function fib(n) {\n  \n}\n' }, { at: 8, code }]);
  assert.equal(asks.length, 1);
  assert.equal(asks[0].reasonCode, 'recursion_added');
  assert.equal(asks[0].context.topic, 'recursion');
  assert.equal((asks[0].context.facts as { baseCaseLine: number }).baseCaseLine, 2);
});

for (const [language, code] of [
  ['java', 'class S {\n  int[] twoSum(int[] nums, int t) {\n    for (int i = 0; i < nums.length; i++) {\n      for (int j = i + 1; j < nums.length; j++) {\n        if (nums[i] + nums[j] == t) return new int[]{i, j};\n      }\n    }\n    return new int[0];\n  }\n}\n'],
  ['go', 'package main\n\nfunc twoSum(nums []int, t int) []int {\n\tfor i := range nums {\n\t\tfor j := i + 1; j < len(nums); j++ {\n\t\t\tif nums[i]+nums[j] == t {\n\t\t\t\treturn []int{i, j}\n\t\t\t}\n\t\t}\n\t}\n\treturn nil\n}\n'],
  ['cpp', '#include <vector>\nstd::vector<int> twoSum(std::vector<int>& nums, int t) {\n  for (size_t i = 0; i < nums.size(); i++) {\n    for (size_t j = i + 1; j < nums.size(); j++) {\n      if (nums[i] + nums[j] == t) return {(int)i, (int)j};\n    }\n  }\n  return {};\n}\n'],
  ['typescript', 'function twoSum(nums: number[], t: number): number[] {\n  for (let i = 0; i < nums.length; i++) {\n    for (let j = i + 1; j < nums.length; j++) {\n      if (nums[i] + nums[j] === t) return [i, j];\n    }\n  }\n  return [];\n}\n'],
] as const) {
  test(`${language}: nested loops over the same array ask about time complexity`, async () => {
    const { asks } = await replay(language, [{ at: 0, code }]);
    assert.equal(asks.length, 1);
    assert.equal(asks[0].context.topic, 'time_complexity');
    assert.equal(asks[0].context.function, 'twoSum');
  });
}

test('half-typed code is not asked about until it parses; the diff rule does not fire on a known function', async () => {
  const broken = 'def two_sum(nums, target):\n    for i in range(len(nums)):\n        for j in range(i + 1, len(nums)):\n            if nums[i] + nums[j] ==';
  const { decisions, asks } = await replay('python', [{ at: 0, code: broken }, { at: 10, code: upTo(PY_BRUTE, 7) }]);
  assert.notEqual(decisions[0]?.decision, 'ask', `asked on broken code: ${decisions[0]?.reasonCode}`);
  assert.equal(asks.length, 1);
  assert.equal(asks[0].seq, 2);
});

test('a candidate held back by the interval is dropped when its function is deleted', async () => {
  settings = { ...SETTINGS, minIntervalSec: 60 };
  try {
    const other = 'def helper(xs):\n    total = 0\n    for x in xs:\n        total += x\n    return total\n';
    const { decisions, asks, sid } = await replay('python', [
      { at: 0, code: other },
      { at: 5, answerLast: true, code: upTo(PY_BRUTE, 7) + '\n' + other },
      { at: 10, code: other + '\n# rewriting\n' },
      { at: 90, code: other + '\n# rewriting\n\n' },
    ]);
    assert.equal(asks.length, 1, 'only the first question');
    assert.equal(decisions[1]?.reasonCode, 'min_interval');
    assert.match(decisions[1]?.reason ?? '', /Held back: two_sum/);
    assert.ok(!decisions[3]?.backlog.some((c) => c.function === 'two_sum'), 'no question about deleted code');
    assert.notEqual(decisions[3]?.candidate?.function, 'two_sum');
    const shown = (await tr.redis.xrange(tr.keys.out(sid), '-', '+')).map(([, f]) => OutEntry.parse(fieldsToRecord(f)));
    assert.ok(shown.some((e) => e.type === 'decision' && e.data.reasonCode === 'min_interval'), 'the interviewer sees what was held back and why');
  } finally {
    settings = SETTINGS;
  }
});

test('a large paste is a reason to ask the candidate to explain that code', async () => {
  const pasted = upTo(PY_HASH, 8).replace('two_sum', 'pair_sum');
  const base = 'def main():\n    print(1)\n';
  const { asks } = await replay('python', [
    { at: 0, code: base },
    { at: 30, answerLast: undefined, paste: 400, code: base + '\n' + pasted },
  ]);
  const ask = asks.at(-1);
  assert.ok(ask);
  assert.ok(['paste_burst', 'structure_switched', 'hidden_linear_cost'].includes(ask.reasonCode) || ask.context.function === 'pair_sum', ask.reasonCode);
  assert.equal(ask.context.function, 'pair_sum');
});

test('unknown languages fall back to the diff-size rule, which asks only once the candidate pauses', async () => {
  const { asks, decisions } = await replay('other', [{ at: 0, code: 'a\n' }, { at: 5, code: 'a\nb\nc\nd\n' }, { at: 10, tick: true }, { at: 25, tick: true }]);
  assert.equal(decisions[1]?.decision, 'skip', 'never on the update itself: it may end mid-token');
  assert.equal(decisions[2]?.decision, 'skip', '5 s of quiet is not a pause');
  assert.equal(asks.length, 1);
  assert.equal(asks[0].reasonCode, 'diff_threshold');
  assert.equal(asks[0].code, 'a\nb\nc\nd\n');
});

test('java: a four-line helper is never asked about; the sentinel in the real work is', async () => {
  const helperOnly = 'class Solution {\n    static int max(int a, int b) {\n        if (a > b) return a;\n        return b;\n    }\n}\n';
  const { asks, decisions } = await replay('java', [{ at: 0, code: helperOnly }, { at: 20, code: JAVA_WITH_HELPER }]);
  assert.equal(decisions[0]?.reasonCode, 'nothing_new', 'the helper alone is not worth a question');
  assert.equal(asks.length, 1);
  assert.equal(asks[0].reasonCode, 'sentinel_initial_value');
  assert.equal(asks[0].context.function, 'maxProfit');
  assert.equal(asks[0].context.topic, 'initial_value');
  assert.match(asks[0].reason, /lo at Integer\.MAX_VALUE on line 8/);
  assert.ok(!decisions.some((d) => d?.backlog.some((c) => c.function === 'max')));
});

test('python: a function with only its guard clause is not "finished" and is not asked about', async () => {
  const guard = 'def longest_run(nums):\n    if not nums:\n        return 0\n    best = 1\n';
  const { asks, decisions } = await replay('python', [{ at: 0, code: guard }]);
  assert.equal(asks.length, 0, JSON.stringify(decisions.map((d) => d?.reason)));
});
