// Round-9 rules (blind batch 13), one test per rule, on programs other than the labelled ones: the
// real question about real code, graded by the real grader.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHeuristicProvider } from '../services/agent/heuristic/provider.ts';

const provider = createHeuristicProvider();

async function grader(language: string, code: string, fn: string, topic: string) {
  const q = await provider.question({
    sessionId: 't', seq: 1, language, code, reasonCode: 'test', reason: 'test',
    context: { function: fn, topic, facts: { function: fn } }, asked: [], retrieved: [],
  });
  assert.equal(q.topic, topic);
  return async (answer: string) => (await provider.evaluate({ question: q.text, topic: q.topic, expected: q.expected, answer, code, language, retrieved: [] })).score;
}

const BOUNCE_PY = `def bounce(n):
    count = 0
    while n != 4:
        if n % 3 == 0:
            n = n // 3
        else:
            n = 2 * n + 1
        count += 1
    return count
`;

test('a variable moved both up and down gives no termination guarantee', async () => {
  const grade = await grader('python', BOUNCE_PY, 'bounce', 'termination');
  assert.ok(await grade('It stops when n reaches 4, guaranteed because n gets smaller on every pass.') < 25);
  assert.ok(await grade('When n == 4. Nothing guarantees it gets there: n shrinks on some passes and grows on others, so it may loop forever.') >= 70);
});

const LAST_K_PY = `from collections import deque

def last_k_sum(items, k):
    recent = deque()
    sums = []
    for item in items:
        recent.append(item)
        if len(recent) > k:
            recent.popleft()
        sums.append(sum(recent))
    return sums
`;

test('a window trimmed from the front holds the most recent items, values not positions', async () => {
  const grade = await grader('python', LAST_K_PY, 'last_k_sum', 'variable_role');
  assert.ok(await grade('The most recent k items, oldest on the left; after the loop it holds the last k of items.') >= 70);
  assert.ok(await grade('It holds the k largest items seen so far.') < 20);
  assert.ok(await grade('It holds every value of items.') < 20);
});

const HALF_CPP = `#include <string>

std::string dropFirst(const std::string& s) {
    if (s.size() <= 1) return "";
    return dropFirst(s.substr(1)) + s[0];
}
`;

test('a linear recursion is not log2(n) deep; "at most one character" names a size-1 base case; a base case is not another line', async () => {
  const grade = await grader('cpp', HALF_CPP, 'dropFirst', 'recursion');
  assert.ok(await grade('The base case is when s is empty, and the depth is log2(10000), about 14.') < 20);
  assert.ok(await grade('When s has at most one character it stops. The depth is n, one frame per character, about 10,000.') >= 70);
  assert.ok(await grade('The base case is line 5, the return with s[0].') < 20);
});

const MAX_GO = `package main

func maxOf(xs []int) int {
\tbest := xs[0]
\tfor _, x := range xs[1:] {
\t\tif x > best {
\t\t\tbest = x
\t\t}
\t}
\treturn best
}
`;

test('a start read from the first element fails on an empty input before any return; it is a candidate, not always the answer', async () => {
  const grade = await grader('go', MAX_GO, 'maxOf', 'initial_value');
  assert.ok(await grade('If xs is empty it returns 0, the zero value.') < 20);
  assert.ok(await grade('Because xs[0] is always the largest element.') < 20);
  assert.ok(await grade('Because the maximum has to be one of the elements.') >= 40);
});

test('round 10: "words by length" is not a product of sizes; a map of lists groups items, it does not count them', async () => {
  const { oneVariable } = await import('../services/agent/heuristic/claims/cost.ts');
  assert.equal(oneVariable('Groups names by length.'), 'Groups names by length.');
  assert.equal(oneVariable('an m by n grid'), 'an O(n^2) grid');
  const code = `def by_first_letter(names):
    groups = {}
    for name in names:
        groups.setdefault(name[0], []).append(name)
    return groups
`;
  const grade = await grader('python', code, 'by_first_letter', 'purpose');
  assert.ok(await grade('It groups the names by their first letter, returning a dict from letter to the list of names.') >= 70);
  assert.ok(await grade('It counts how many names start with each letter.') < 20);
});

const NEST_SUM_PY = `def nested_sum(items):
    total = 0
    for item in items:
        if isinstance(item, list):
            total += nested_sum(item)
        else:
            total += item
    return total
`;

test('round 10: recursion on an element of the input is one level per nesting level, not per item', async () => {
  const grade = await grader('python', NEST_SUM_PY, 'nested_sum', 'recursion');
  assert.ok(await grade("It stops at items that aren't lists; the depth is how deeply the lists are nested, so a flat list of 10,000 numbers is one call.") >= 70);
  assert.ok(await grade('The base case is an empty list, and for 10,000 items it goes 10,000 deep, one call per item.') < 25);
});

const FIRST_POS_JS = `function firstPositive(xs) {
  if (xs.length === 0) return -1;
  let at = 0;
  for (let i = 0; i < xs.length; i++) {
    if (xs[i] > 0) { at = i; break; }
  }
  return at;
}
`;

test('round 10: JavaScript indexing past the end does not throw; the bogus result a guard prevents is its purpose', async () => {
  const grade = await grader('javascript', FIRST_POS_JS, 'firstPositive', 'guard_purpose');
  assert.ok(await grade('Without it xs[i] would throw an index out of bounds exception on an empty array.') < 25);
  assert.ok(await grade('An empty array: without the check it would return 0, an index that does not exist.') >= 60);
});

const COUNT_UPPER_CPP = `#include <string>

int countDigits(const std::string& s) {
    int n = 0;
    for (char c : s) {
        if (std::string("0123456789").find(c) != std::string::npos) {
            n++;
        }
    }
    return n;
}
`;

test('round 11: a variable only ever incremented is a count, not a position', async () => {
  const grade = await grader('cpp', COUNT_UPPER_CPP, 'countDigits', 'purpose');
  assert.ok(await grade('It returns how many characters of s are digits.') >= 70);
  assert.ok(await grade('It checks whether the string contains a digit.') < 20);
});

const SHORTEST_GO = `package main

func shortestName(names []string) string {
\tbest := names[0]
\tfor _, n := range names {
\t\tif len(n) < len(best) {
\t\t\tbest = n
\t\t}
\t}
\treturn best
}
`;

test('round 11: a strict comparison keeps the first of equal candidates; the holder keeps the element, not its length', async () => {
  const grade = await grader('go', SHORTEST_GO, 'shortestName', 'variable_role');
  assert.ok(await grade('It holds the last shortest name, so for ties the later one wins.') < 20);
  assert.ok(await grade('It holds the length of the shortest name.') < 20);
  assert.ok(await grade('The shortest name seen so far; after the loop it is the shortest name, the first of equal ones.') >= 70);
});
