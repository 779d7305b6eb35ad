// Round-6 rules (blind batch 10) and the evasion / list rules after it, one test per rule, on programs
// other than the labelled ones: the real question about real code, graded by the real grader.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHeuristicProvider } from '../services/agent/heuristic/provider.ts';
import { tableSpace } from '../services/agent/heuristic/claims/cost.ts';
import { restatesQuestion } from '../services/agent/heuristic/signals.ts';

const provider = createHeuristicProvider();

async function grader(language: string, code: string, fn: string, topic: string) {
  const q = await provider.question({
    sessionId: 't', seq: 1, language, code, reasonCode: 'test', reason: 'test',
    context: { function: fn, topic, facts: { function: fn } }, asked: [], retrieved: [],
  });
  assert.equal(q.topic, topic);
  return async (answer: string) => (await provider.evaluate({ question: q.text, topic: q.topic, expected: q.expected, answer, code, language, retrieved: [] }));
}

const LCS_CPP = `#include <string>
#include <vector>
#include <algorithm>

int lcs(const std::string& a, const std::string& b) {
    std::vector<std::vector<int>> t(a.size() + 1, std::vector<int>(b.size() + 1, 0));
    for (size_t i = 1; i <= a.size(); i++)
        for (size_t j = 1; j <= b.size(); j++)
            t[i][j] = a[i - 1] == b[j - 1] ? t[i - 1][j - 1] + 1 : std::max(t[i - 1][j], t[i][j - 1]);
    return t[a.size()][b.size()];
}
`;

test('a table of std::vector<std::vector<…>> is rows × columns of memory; "no extra memory" is the misconception', async () => {
  assert.ok(tableSpace('std::vector<std::vector<int>> t(n, std::vector<int>(m));'));
  assert.ok(!tableSpace('std::vector<int> t(n);'));
  const grade = await grader('cpp', LCS_CPP, 'lcs', 'space_complexity');
  assert.ok((await grade('O(n·m): the table t has one cell per pair of prefix lengths.')).score >= 70);
  assert.ok((await grade('O(n + m), one row for a and one for b.')).score < 20);
  assert.ok((await grade('No extra memory, the vectors are released when lcs returns.')).score < 25);
});

const SEEN_PY = `def first_seen_twice(items):
    seen = {}
    for i, x in enumerate(items):
        if x in seen:
            return seen[x]
        seen[x] = i
    return -1
`;

test('"a list would be just as fast" is the known misconception about a hash lookup', async () => {
  const grade = await grader('python', SEEN_PY, 'first_seen_twice', 'data_structure_choice');
  const r = await grade('A list would be just as fast, since in on a list is constant time too.');
  assert.ok(r.score < 25);
  assert.ok((await grade('x in seen is O(1) on average for a dict, but a list would scan every element, O(n) per lookup.')).score >= 70);
});

const NEXT_SMALLER_TS = `function nextSmallerLeft(xs: number[]): number[] {
  const st: number[] = [];
  const res: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    while (st.length > 0 && xs[st[st.length - 1]] >= xs[i]) st.pop();
    res.push(st.length ? xs[st[st.length - 1]] : -1);
    st.push(i);
  }
  return res;
}
`;

test('a monotonic stack: another collection named as its content is wrong; "nearest smaller" is its role', async () => {
  const grade = await grader('typescript', NEXT_SMALLER_TS, 'nextSmallerLeft', 'variable_role');
  assert.ok((await grade('It holds the res values computed so far.')).score < 20);
  assert.ok((await grade('Indices of previous smaller values, the top is the nearest one.')).score >= 45);
  assert.ok((await grade("It's a stack, it's used to compute the result.")).score < 20);
});

test('restating the kind of thing in the question\'s words is a dodge; a real short claim is not', () => {
  const q = 'What does best hold after the loop on line 3 finishes, and what is its job in max_depth?';
  assert.ok(restatesQuestion("It's the result variable, it holds the best answer.", q));
  assert.ok(!restatesQuestion('Max nesting so far.', q));
  assert.ok(!restatesQuestion("It's the deepest level reached, the answer we return.", q));
});

const COUNT_PY = `def tally(words):
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return counts
`;

test('a bare noun phrase is a short answer, a comma list of terms stays below it', async () => {
  const grade = await grader('python', COUNT_PY, 'tally', 'variable_role');
  const bare = (await grade('Word frequencies.')).score;
  const list = (await grade('dict, counts, frequency, get, histogram')).score;
  assert.ok(bare >= 40);
  assert.ok(list <= 18 && list < bare);
});
