// Round-7 rules (blind batch 11), one test per rule, on programs other than the labelled ones: the
// real question about real code, graded by the real grader.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHeuristicProvider } from '../services/agent/heuristic/provider.ts';
import { committedClass, findClasses, readComplexity } from '../services/agent/heuristic/complexity.ts';
import { oneVariable, sqrtBound } from '../services/agent/heuristic/claims/cost.ts';

const provider = createHeuristicProvider();

async function grader(language: string, code: string, fn: string, topic: string) {
  const q = await provider.question({
    sessionId: 't', seq: 1, language, code, reasonCode: 'test', reason: 'test',
    context: { function: fn, topic, facts: { function: fn } }, asked: [], retrieved: [],
  });
  assert.equal(q.topic, topic);
  return async (answer: string) => (await provider.evaluate({ question: q.text, topic: q.topic, expected: q.expected, answer, code, language, retrieved: [] })).score;
}

test('a square root is a class of its own, read in its usual spellings and not as a product', () => {
  for (const t of ['O(√n)', 'O(sqrt(n))', 'O(n^0.5)', 'up to the square root of n']) assert.deepEqual(findClasses(t).map((m) => m.cls), ['O(sqrt n)'], t);
  assert.equal(committedClass(readComplexity(oneVariable('O(sqrt(n)) because i stops at sqrt n.'))), 'O(sqrt n)');
  assert.ok(sqrtBound('while i * i <= n:') && sqrtBound('for d := 2; d*d <= n; d++ {') && sqrtBound('for i in range(2, math.isqrt(n) + 1):'));
  assert.ok(!sqrtBound('for (let i = 0; i < n; i++) {'));
});

const SMALLEST_FACTOR_PY = `def smallest_factor(n):
    i = 2
    while i * i <= n:
        if n % i == 0:
            return i
        i += 1
    return n
`;

test('a loop bounded by i * i <= n is graded as O(sqrt n), whatever the linear estimate says', async () => {
  const grade = await grader('python', SMALLEST_FACTOR_PY, 'smallest_factor', 'time_complexity');
  assert.ok(await grade('O(√n): the loop stops once i * i passes n, so i never exceeds the square root.') >= 80);
  assert.ok(await grade('O(n) because i goes from 2 up to n.') < 20);
});

const MEDIAN_PY = `def middle(values):
    if not values:
        raise ValueError("no data")
    ordered = sorted(values)
    return ordered[len(ordered) // 2]
`;

test('a guard before a subscript of a derived list prevents an IndexError; "empty is fine" and "sorted" are wrong', async () => {
  const grade = await grader('python', MEDIAN_PY, 'middle', 'guard_purpose');
  assert.ok(await grade('An empty list: ordered[len(ordered) // 2] would raise IndexError, so it raises a clearer ValueError first.') >= 70);
  assert.ok(await grade('It protects against values being None; an empty list is fine.') < 20);
  assert.ok(await grade('It checks that the values are sorted.') < 20);
  assert.ok(await grade("An empty list, else IndexError on ordered[k]. It doesn't check the type of values though.") >= 45);
});

const LEADER_JS = `function leader(xs) {
  let pick = 0;
  let votes = 0;
  for (const x of xs) {
    if (votes === 0) pick = x;
    votes += x === pick ? 1 : -1;
  }
  return pick;
}
`;

test('a holder that takes the element only under a condition is not the previous element, nor a count', async () => {
  const grade = await grader('javascript', LEADER_JS, 'leader', 'variable_role');
  assert.ok(await grade('pick is the current leader candidate: it is replaced whenever votes drops to 0, and after the loop it is the leader if one value is a majority.') >= 70);
  assert.ok(await grade('pick holds the previous element, one step behind x.') < 20);
  assert.ok(await grade('It holds how many times the leader appears.') < 20);
  assert.ok(await grade("It's the result variable that gets returned.") < 20);
});

const SIGN_JAVA = `class M {
    static int sign(int x) {
        if (x < 0) return -1;
        if (x > 0) return 1;
        return 0;
    }
}
`;

test('a test answer that proposes a change ("it should probably throw") is not a claim that the code raises', async () => {
  const grade = await grader('java', SIGN_JAVA, 'sign', 'testing');
  assert.ok(await grade('sign(-5) returns -1, sign(7) returns 1, and the boundary sign(0) returns 0. For a wider type it should probably throw IllegalArgumentException on NaN.') >= 60);
  assert.ok(await grade('Test that sign throws an exception for negative numbers.') < 20);
});

const TITLE_KEY_PY = `def title_key(title):
    return title.lower().strip().replace(" ", "_")
`;

test('round 8: a function that lower-cases its text cannot return capitals in a test\'s expected result', async () => {
  const grade = await grader('python', TITLE_KEY_PY, 'title_key', 'testing');
  assert.ok(await grade('title_key("Hello World") returns "Hello_World", title_key("") returns "" and title_key("a") returns "a".') < 20);
  assert.ok(await grade('title_key("Hello World") returns "hello_world", title_key("") returns "" and title_key("  A ") returns "a".') >= 60);
});

const READ_NUM_JS = `function readNumber(text) {
  let n;
  try {
    n = JSON.parse(text);
  } catch (err) {
    return 0;
  }
  return n;
}
`;

test('round 8: "nothing in the try throws" is wrong when a line of it can; a denial about another line is not', async () => {
  const grade = await grader('javascript', READ_NUM_JS, 'readNumber', 'exceptions');
  assert.ok(await grade('JSON.parse returns undefined on bad input, so nothing in the try throws.') < 20);
  assert.ok(await grade('JSON.parse on line 4 throws a SyntaxError for malformed text such as "{" or an empty string.') >= 70);
});

const HAS_PAIR_CPP = `#include <vector>

bool hasPair(const std::vector<int>& v) {
    for (size_t i = 1; i < v.size(); i++) {
        if (v[i] == v[i - 1]) return true;
    }
    return false;
}
`;

test('round 8: a true/false function does not return a number', async () => {
  const grade = await grader('cpp', HAS_PAIR_CPP, 'hasPair', 'purpose');
  assert.ok(await grade('It returns the number of adjacent equal pairs.') < 20);
  assert.ok(await grade('It tells you whether any two neighbouring elements are equal.') >= 45);
});
