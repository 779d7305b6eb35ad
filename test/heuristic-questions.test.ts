// The heuristic interviewer's questions: a table of code changes in six languages, analysed for real
// and turned into trigger candidates the way the trigger does, each expected to give a question of a
// given topic that names the function and the line it is about.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeCode, compareAnalyses } from '../shared/analysis/index.ts';
import { structuralCandidates } from '../services/trigger/candidates.ts';
import { createHeuristicProvider } from '../services/agent/heuristic/provider.ts';
import { QuestionOutput, type QuestionInput } from '../services/agent/provider.ts';
import { SNIPPETS } from './fixtures/analysis-snippets.ts';

const provider = createHeuristicProvider();

const lineOf = (code: string, needle: string): number => {
  const i = code.split('\n').findIndex((l) => l.includes(needle));
  assert.ok(i >= 0, `no line containing ${needle}`);
  return i + 1;
};

/** Analyse, derive candidates from the change (prev → code) and ask about the top one, as the trigger would. */
async function ask(language: string, code: string, opts: { prev?: string; asked?: QuestionInput['asked']; noFacts?: boolean; remember?: boolean } = {}) {
  const analysis = await analyzeCode(code, language);
  assert.ok(analysis, `${language} should be supported`);
  const prev = opts.prev ? await analyzeCode(opts.prev, language) : null;
  // `remember`: the trigger also knows the previous version's cost (a rewrite), not only what changed.
  const cands = structuralCandidates(analysis, compareAnalyses(prev, analysis), opts.remember ? prev : null).sort((a, b) => b.priority - a.priority);
  const c = cands[0];
  const context = opts.noFacts || !c ? {} : { function: c.function, lines: c.lines, topic: c.topic, facts: c.facts };
  const input: QuestionInput = {
    sessionId: 's1', seq: 1, language, code, reasonCode: c?.reasonCode ?? 'diff_threshold', reason: c?.sentence ?? 'diff', context,
    asked: opts.asked ?? [], retrieved: [],
  };
  return provider.question(input);
}

const maxProfit: Record<string, string> = {
  python: `def max_profit(prices):\n    lo = prices[0]\n    best = 0\n    for p in prices:\n        lo = min(lo, p)\n        best = max(best, p - lo)\n    return best\n`,
  javascript: `function maxProfit(prices) {\n  let lo = prices[0];\n  let best = 0;\n  for (const p of prices) {\n    lo = Math.min(lo, p);\n    best = Math.max(best, p - lo);\n  }\n  return best;\n}\n`,
  java: `class Solution {\n    int maxProfit(int[] prices) {\n        int lo = prices[0];\n        int best = 0;\n        for (int p : prices) {\n            lo = Math.min(lo, p);\n            best = Math.max(best, p - lo);\n        }\n        return best;\n    }\n}\n`,
  go: `func maxProfit(prices []int) int {\n\tlo := prices[0]\n\tbest := 0\n\tfor _, p := range prices {\n\t\tif p < lo {\n\t\t\tlo = p\n\t\t}\n\t\tif p-lo > best {\n\t\t\tbest = p - lo\n\t\t}\n\t}\n\treturn best\n}\n`,
  cpp: `int maxProfit(vector<int>& prices) {\n    int lo = prices[0];\n    int best = 0;\n    for (int p : prices) {\n        lo = min(lo, p);\n        best = max(best, p - lo);\n    }\n    return best;\n}\n`,
};
const emptyOutcome: Record<string, RegExp> = { python: /IndexError/, javascript: /undefined/, java: /ArrayIndexOutOfBoundsException/, go: /panic/, cpp: /undefined behaviour/ };

const largest: Record<string, string> = {
  python: `def largest(nums):\n    best = 0\n    for x in nums:\n        if x > best:\n            best = x\n    return best\n`,
  typescript: `function largest(nums: number[]): number {\n  let best = 0;\n  for (const x of nums) {\n    if (x > best) best = x;\n  }\n  return best;\n}\n`,
  java: `class Solution {\n    int largest(int[] nums) {\n        int best = 0;\n        for (int x : nums) {\n            if (x > best) best = x;\n        }\n        return best;\n    }\n}\n`,
  go: `func largest(nums []int) int {\n\tbest := 0\n\tfor _, x := range nums {\n\t\tif x > best {\n\t\t\tbest = x\n\t\t}\n\t}\n\treturn best\n}\n`,
  cpp: `int largest(const vector<int>& nums) {\n    int best = 0;\n    for (int x : nums) {\n        if (x > best) best = x;\n    }\n    return best;\n}\n`,
};

const switchToSet: Record<string, { before: string; after: string }> = {
  python: {
    before: `def count_unique(words):\n    seen = []\n    count = 0\n    for w in words:\n        if w not in seen:\n            seen.append(w)\n            count += 1\n    return count\n`,
    after: `def count_unique(words):\n    seen = set()\n    count = 0\n    for w in words:\n        if w not in seen:\n            seen.add(w)\n            count += 1\n    return count\n`,
  },
  javascript: {
    before: `function countUnique(words) {\n  const seen = [];\n  let count = 0;\n  for (const w of words) {\n    if (!seen.includes(w)) {\n      seen.push(w);\n      count++;\n    }\n  }\n  return count;\n}\n`,
    after: `function countUnique(words) {\n  const seen = new Set();\n  let count = 0;\n  for (const w of words) {\n    if (!seen.has(w)) {\n      seen.add(w);\n      count++;\n    }\n  }\n  return count;\n}\n`,
  },
  java: {
    before: `class Solution {\n    int countUnique(List<String> words) {\n        List<String> seen = new ArrayList<>();\n        int count = 0;\n        for (String w : words) {\n            if (!seen.contains(w)) {\n                seen.add(w);\n                count++;\n            }\n        }\n        return count;\n    }\n}\n`,
    after: `class Solution {\n    int countUnique(List<String> words) {\n        Set<String> seen = new HashSet<>();\n        int count = 0;\n        for (String w : words) {\n            if (!seen.contains(w)) {\n                seen.add(w);\n                count++;\n            }\n        }\n        return count;\n    }\n}\n`,
  },
};

interface Row {
  name: string;
  language: string;
  code: string;
  prev?: string;
  noFacts?: boolean;
  topic: string;
  fn: string;
  line: number;
  check?: (q: QuestionOutput) => void;
}

const rows: Row[] = [];
for (const [language, s] of Object.entries(SNIPPETS)) {
  rows.push({ name: 'brute-force two-sum', language, code: s.brute, topic: 'time_complexity', fn: s.names.twoSum, line: lineOf(s.brute, s.marks.innerLoop),
    check: (q) => {
      assert.equal(q.expected.complexity, 'O(n^2)');
      assert.equal(q.expected.dominantLine, lineOf(s.brute, s.marks.innerLoop));
      assert.match(q.text, /time complexity/);
      assert.match(q.text, /nums/);
    } });
  rows.push({ name: 'recursive fib', language, code: s.fib, topic: 'recursion', fn: 'fib', line: lineOf(s.fib, s.marks.recursion),
    check: (q) => {
      assert.equal(q.expected.baseLine, lineOf(s.fib, s.marks.baseCase));
      assert.equal(q.expected.depth, 'O(n)');
      assert.equal(q.expected.complexity, 'O(2^n)');
      assert.match(q.text, /n = 30/);
      assert.match(String(q.expected.calls), /2\.7 million/);
    } });
  rows.push({ name: '`in list` inside a loop', language, code: s.linear, topic: 'hidden_linear_cost', fn: 'dedupe', line: lineOf(s.linear, s.marks.linear),
    check: (q) => {
      assert.match(q.text, /every pass/);
      assert.equal(q.expected.unitCost, 'O(n)');
      assert.equal(q.expected.improvedComplexity, 'O(n)');
    } });
  if (language !== 'go') {
    rows.push({ name: 'try/except', language, code: s.tryCatch, topic: 'exceptions', fn: 'parse', line: lineOf(s.tryCatch, s.marks.catch),
      check: (q) => {
        if (s.caught) assert.ok(q.text.includes(s.caught), q.text);
        if (s.marks.risky) assert.deepEqual(q.expected.riskyLines, [lineOf(s.tryCatch, s.marks.risky)]);
      } });
  }
  rows.push({ name: 'max-so-far from a sentinel', language, code: s.maxSoFar, topic: 'initial_value', fn: s.names.maxOf, line: lineOf(s.maxSoFar, s.bestInit),
    check: (q) => assert.ok(q.text.includes(s.bestInit), q.text) });
}
for (const [language, s] of Object.entries(SNIPPETS)) {
  // A hash-map two-sum arriving in a diff (no facts): the interviewer reads the code itself.
  rows.push({ name: 'hash-map two-sum, diff-based', language, code: s.hash, noFacts: true, topic: 'data_structure_choice', fn: s.names.twoSum,
    line: lineOf(s.hash, 'seen'), check: (q) => {
      assert.match(q.text, /\bseen \(line \d+\) an? \w+ rather than an? \w+/);
      assert.equal(q.expected.variant, 'ds.map');
    } });
}
for (const [language, code] of Object.entries(maxProfit)) {
  rows.push({ name: 'unguarded prices[0]', language, code, topic: 'edge_cases', fn: language === 'python' ? 'max_profit' : 'maxProfit', line: lineOf(code, 'prices[0]'),
    check: (q) => {
      assert.match(q.text, /empty prices/);
      assert.match(JSON.stringify(q.expected.outcome), emptyOutcome[language]);
    } });
}
for (const [language, code] of Object.entries(largest)) {
  rows.push({ name: 'max-so-far starting at 0', language, code, topic: 'initial_value', fn: 'largest', line: lineOf(code, language === 'go' ? 'best := 0' : 'best = 0'),
    check: (q) => {
      assert.match(q.text, /start best at 0/);
      assert.match(q.text, /negative/);
      assert.equal(q.expected.variant, 'initial.max_zero');
    } });
}
for (const [language, { before, after }] of Object.entries(switchToSet)) {
  rows.push({ name: 'list → set switch', language, code: after, prev: before, topic: 'data_structure_choice', fn: language === 'python' ? 'count_unique' : 'countUnique',
    line: lineOf(after, 'seen ='), check: (q) => {
      assert.match(q.text, /\bseen\b/);
      assert.match(q.text, /instead of/);
      assert.equal(q.expected.variant, 'ds.set');
    } });
}

for (const r of rows) {
  test(`${r.language}: ${r.name} → ${r.topic} naming ${r.fn} and line ${r.line}`, async () => {
    const q = await ask(r.language, r.code, { ...(r.prev ? { prev: r.prev } : {}), ...(r.noFacts ? { noFacts: true } : {}) });
    assert.equal(q.topic, r.topic, q.text);
    assert.match(q.text, new RegExp(`\\b${r.fn}\\b`), q.text);
    assert.match(q.text, new RegExp(`\\blines? ${r.line}\\b|\\blines \\d+ and ${r.line}\\b`, 'i'), q.text);
    assert.equal(q.expected.function, r.fn);
    assert.ok(Array.isArray(q.expected.concepts) && q.expected.concepts.length >= 2, 'a rubric travels with the question');
    assert.ok(q.lines && q.lines[0] <= r.line && q.lines[1] >= r.line - 1, `lines ${JSON.stringify(q.lines)}`);
    assert.doesNotMatch(q.text, /\b(facts|candidate|heuristic|trigger)\b/i);
    QuestionOutput.parse(q);
    r.check?.(q);
  });
}

test('without facts (diff-based trigger) the most interesting function is chosen and analysed here', async () => {
  const code = `def helper(x):\n    return x + 1\n\n${SNIPPETS.python.brute}\ndef shout(s):\n    return s.upper()\n`;
  const q = await ask('python', code, { noFacts: true });
  assert.equal(q.topic, 'time_complexity');
  assert.match(q.text, /two_sum/);
  assert.equal(q.expected.complexity, 'O(n^2)');
  const hash = await ask('python', SNIPPETS.python.hash, { noFacts: true });
  assert.equal(hash.topic, 'data_structure_choice');
  assert.match(hash.text, /seen \(line 2\) a dict rather than a list/);
});

test('never asks about a function that is not in the code', async () => {
  const code = SNIPPETS.python.fib;
  const input: QuestionInput = {
    sessionId: 's1', seq: 2, language: 'python', code, reasonCode: 'nested_loops', reason: 'stale',
    context: { function: 'ghost', topic: 'time_complexity', facts: { function: 'ghost', complexity: 'O(n^2)', nested: { outerLine: 2, innerLine: 3, collection: 'xs' } } },
    asked: [], retrieved: [],
  };
  const q = await provider.question(input);
  assert.doesNotMatch(q.text, /ghost/);
  assert.match(q.text, /\bfib\b/);
});

test('prefers a topic not yet asked about this function', async () => {
  const first = await ask('python', SNIPPETS.python.brute);
  assert.equal(first.topic, 'time_complexity');
  const second = await ask('python', SNIPPETS.python.brute, { asked: [{ question: first.text, topic: first.topic }] });
  assert.notEqual(second.topic, 'time_complexity');
  assert.match(second.text, /two_sum/);
  const third = await ask('python', SNIPPETS.python.brute, { asked: [{ question: first.text, topic: first.topic }, { question: second.text, topic: second.topic }] });
  assert.ok(![first.topic, second.topic].includes(third.topic), `${third.topic} repeats`);
  // Even when every template has been used, the same text is not asked twice in a row.
  let asked: QuestionInput['asked'] = [];
  for (let i = 0; i < 9; i++) {
    const q = await ask('python', SNIPPETS.python.brute, { asked });
    assert.ok(!asked.some((a) => a.question === q.text), `repeated: ${q.text}`);
    asked = [...asked, { question: q.text, topic: q.topic }];
  }
});

test('the same input always gives the same question', async () => {
  const a = await ask('java', SNIPPETS.java.linear);
  const b = await ask('java', SNIPPETS.java.linear);
  assert.deepEqual(a, b);
});

test('code with no function gets a plan question that names nothing', async () => {
  const q = await provider.question({ sessionId: 's', seq: 1, language: 'python', code: '# TODO\n', reasonCode: 'diff_threshold', reason: 'diff', context: { topic: 'purpose' }, asked: [], retrieved: [] });
  assert.equal(q.topic, 'purpose');
  assert.match(q.text, /plan/);
  const unknown = await provider.question({ sessionId: 's', seq: 1, language: 'cobol', code: 'DISPLAY "HI".', reasonCode: 'diff_threshold', reason: 'diff', context: {}, asked: [], retrieved: [] });
  assert.equal(unknown.topic, 'purpose');
});

test('retrieved knowledge-base chunks add words to the rubric the question carries', async () => {
  const code = SNIPPETS.python.brute;
  const analysis = await analyzeCode(code, 'python');
  assert.ok(analysis);
  const c = structuralCandidates(analysis, compareAnalyses(null, analysis))[0];
  const q = await provider.question({
    sessionId: 's', seq: 1, language: 'python', code, reasonCode: c.reasonCode, reason: c.sentence,
    context: { function: c.function, lines: c.lines, topic: c.topic, facts: c.facts }, asked: [],
    retrieved: [{ id: 'x', text: 'pairs', metadata: { topic: 'time_complexity', concepts: JSON.stringify([{ name: 'every pair', synonyms: ['triangle of comparisons'] }]) } }],
  });
  const concepts = q.expected.concepts as { name: string; synonyms: string[] }[];
  assert.ok(concepts.find((k) => k.name === 'every pair')?.synonyms.includes('triangle of comparisons'));
});

test('a rewrite that changed the complexity names the old cost and the new structure, in five languages', async () => {
  for (const [language, s] of Object.entries(SNIPPETS)) {
    const q = await ask(language, s.hash, { prev: s.brute, remember: true });
    assert.equal(q.topic, 'data_structure_choice', q.text);
    assert.match(q.text, new RegExp(`^${s.names.twoSum} used to be O\\(n\\^2\\) \\(nested loops over nums\\); now it keeps \\w+ in an? [\\w<>]+ \\(line \\d+\\) and is O\\(n\\)`), q.text);
    assert.equal(q.expected.complexity, 'O(n)');
    assert.match(String(q.expected.keyReason), /made it O\(n\^2\).*O\(1\) on average/);
  }
  // A list switched to a set is a rewrite too, and the question says what the list cost.
  const q = await ask('python', switchToSet.python.after, { prev: switchToSet.python.before, remember: true });
  assert.match(q.text, /count_unique used to be O\(n\^2\) \(`w not in seen` inside a loop\); now it keeps seen in a set \(line 2\)/);
});

test('a tiny helper is not picked, even when it is the newest function', async () => {
  const code = `${SNIPPETS.python.maxSoFar}\ndef bigger(a, b):\n    if a > b:\n        return a\n    return b\n`;
  const q = await ask('python', code, { noFacts: true });
  assert.doesNotMatch(q.text, /\bbigger\b/);
  const analysis = await analyzeCode(code, 'python');
  assert.ok(analysis);
  assert.ok(!structuralCandidates(analysis, compareAnalyses(null, analysis)).some((c) => c.function === 'bigger'));
});
