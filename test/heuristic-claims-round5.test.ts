// Round-5 rules (blind batch 9), one test per rule, on programs other than the labelled ones: each
// asks the real question about real code and checks where the real grader puts an answer the rule
// concerns (a contradiction low, a right claim at least in the middle).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHeuristicProvider } from '../services/agent/heuristic/provider.ts';
import { committedClass, readComplexity } from '../services/agent/heuristic/complexity.ts';
import { numericReturn, proseWord } from '../services/agent/heuristic/claims/result.ts';
import { namedBaseMismatch } from '../services/agent/heuristic/claims/recursion.ts';
import { oneVariable } from '../services/agent/heuristic/claims/cost.ts';
import { readBody } from '../services/agent/heuristic/claims/facts.ts';

const provider = createHeuristicProvider();

async function grader(language: string, code: string, fn: string, topic: string) {
  const q = await provider.question({
    sessionId: 't', seq: 1, language, code, reasonCode: 'test', reason: 'test',
    context: { function: fn, topic, facts: { function: fn } }, asked: [], retrieved: [],
  });
  assert.equal(q.topic, topic);
  return async (answer: string) => (await provider.evaluate({ question: q.text, topic: q.topic, expected: q.expected, answer, code, language, retrieved: [] })).score;
}

const CHAIN_PY = `def longest_chain(pairs):
    pairs.sort(key=lambda p: p[1])
    taken = 0
    tail = float("-inf")
    for a, b in pairs:
        if a > tail:
            taken += 1
            tail = b
    return taken
`;

test('a sentinel the function does not return: the empty result is the count, not the sentinel', async () => {
  const grade = await grader('python', CHAIN_PY, 'longest_chain', 'initial_value');
  assert.ok(await grade('So the first pair always passes a > tail, whatever its values. An empty list returns 0.') >= 80);
  assert.ok(await grade('An empty list returns 0.') >= 40);
  assert.ok(await grade('For an empty list it returns None.') < 20);
});

const SELECT_CPP = `int select(std::vector<int>& v, int lo, int hi, int k) {
    int p = split(v, lo, hi);
    if (p == k) return v[p];
    if (p < k) return select(v, p + 1, hi, k);
    return select(v, lo, p - 1, k);
}
`;

test('a base case named on variables the real base case does not read is wrong; the condition alone names it', async () => {
  assert.equal(namedBaseMismatch('the base case is when lo equals hi', ['p == k) return v[p];'], SELECT_CPP), 'lo == hi');
  assert.equal(namedBaseMismatch('the base case is when p equals k', ['p == k) return v[p];'], SELECT_CPP), null);
  const grade = await grader('cpp', SELECT_CPP, 'select', 'recursion');
  assert.ok(await grade('The base case is when lo equals hi, and it is about n deep.') < 20);
  assert.ok(await grade('It stops when the pivot lands on k (p == k). In the worst case, sorted input, it is about 10,000 deep.') >= 70);
});

test('the worst-case depth with the average case beside it is not a contradiction; "always log" is', async () => {
  const grade = await grader('cpp', SELECT_CPP, 'select', 'recursion');
  assert.ok(await grade('Base case p == k. The worst case is about 10,000 calls deep on sorted input; on random data it is about 14 levels.') >= 70);
  assert.ok(await grade('Base case p == k, and the depth is always log2(10000), about 14.') < 20);
});

test('an everyday word used as prose is not a variable named as the result; a numeric result is neither text nor yes/no', async () => {
  assert.ok(proseWord('returns the number of ways to climb', 'ways'));
  assert.ok(!proseWord('it returns ways at the end', 'ways'));
  const code = `def count_paths(s):
    a, b = 1, 1
    for ch in s:
        ways = a + b if ch != "x" else 0
        a, b = b, ways
    return b
`;
  assert.ok(numericReturn({ ...readBody(code), fn: undefined } as never));
  const grade = await grader('python', code, 'count_paths', 'purpose');
  assert.ok(await grade('Returns the number of ways to walk the string, skipping x cells.') >= 45);
  assert.ok(await grade('It rewrites the string and returns the new text.') < 20);
  assert.ok(await grade('It checks whether s contains an x.') < 20);
});

const WINDOW_MIN_JS = `function windowMin(xs, k) {
  const q = [];
  const res = [];
  for (let i = 0; i < xs.length; i++) {
    while (q.length && q[0] <= i - k) q.shift();
    while (q.length && xs[q[q.length - 1]] >= xs[i]) q.pop();
    q.push(i);
    if (i >= k - 1) res.push(xs[q[0]]);
  }
  return res;
}
`;

test('a container that also loses items holds only the survivors, and pushed positions are indices', async () => {
  const grade = await grader('javascript', WINDOW_MIN_JS, 'windowMin', 'variable_role');
  const right = await grade('It holds indices of the current window in increasing value order; the front is the index of the minimum, and after the loop it holds the last window\'s candidates.');
  assert.ok(right >= 70);
  assert.ok(await grade('It holds all indices seen so far, a list of visited positions.') < 20);
  assert.ok(await grade('q holds the numbers of the window, sorted.') < right);
});

test('a class said of another version is not the class of the code', () => {
  const parts = readComplexity(oneVariable('O(E log V) with the binary heap. For dense graphs an array-based O(V^2) version can be faster.'));
  assert.equal(committedClass(parts), 'O(n log n)');
});

const SPIRAL_PY = `def ring_order(g):
    out = []
    lo, hi = 0, len(g) - 1
    while lo <= hi:
        out.append(g[lo])
        if lo != hi:
            out.append(g[hi])
        lo += 1
        hi -= 1
    return out
`;

test('a restated loop condition ("loops always end") is the known misconception; bounds that cross are the exit', async () => {
  const grade = await grader('python', SPIRAL_PY, 'ring_order', 'termination');
  assert.ok(await grade('It stops when the condition becomes false, because loops always end eventually.') < 30);
  assert.ok(await grade('It stops when lo equals hi.') < 20);
  assert.ok(await grade('When lo passes hi; each pass moves lo up and hi down, so they must cross.') >= 80);
});
