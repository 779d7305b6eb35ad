// Claims checked against facts from the code, one rule at a time: for a real question the real
// provider asks about real code, an answer that the rule concerns must land where a careful
// interviewer would put it (a contradiction low, a short right claim in the middle, a full one high).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHeuristicProvider } from '../services/agent/heuristic/provider.ts';
import { committedClass, readComplexity } from '../services/agent/heuristic/complexity.ts';
import { canonicalCost, costName, oneVariable } from '../services/agent/heuristic/claims/cost.ts';
import { explanationDepth } from '../services/agent/heuristic/signals.ts';

const provider = createHeuristicProvider();

async function grader(language: string, code: string, fn: string, topic: string) {
  const q = await provider.question({
    sessionId: 't', seq: 1, language, code, reasonCode: 'test', reason: 'test',
    context: { function: fn, topic, facts: { function: fn } }, asked: [], retrieved: [],
  });
  assert.equal(q.topic, topic);
  return async (answer: string) => (await provider.evaluate({ question: q.text, topic: q.topic, expected: q.expected, answer, code, language, retrieved: [] }));
}

const BFS_GO = `package main

func shortestPath(graph map[int][]int, start, target int) int {
\tdist := map[int]int{start: 0}
\tqueue := []int{start}
\tfor len(queue) > 0 {
\t\tnode := queue[0]
\t\tqueue = queue[1:]
\t\tif node == target {
\t\t\treturn dist[node]
\t\t}
\t\tfor _, next := range graph[node] {
\t\t\tif _, seen := dist[next]; !seen {
\t\t\t\tdist[next] = dist[node] + 1
\t\t\t\tqueue = append(queue, next)
\t\t\t}
\t\t}
\t}
\treturn -1
}
`;
const GCD_CPP = `int gcd(int a, int b) {\n    while (b != 0) {\n        int t = a % b;\n        a = b;\n        b = t;\n    }\n    return a;\n}\n`;
const RPN_TS = `function evalRPN(tokens: string[]): number {
  const stack: number[] = [];
  for (const token of tokens) {
    if (token === '+' || token === '-' || token === '*' || token === '/') {
      if (stack.length < 2) {
        throw new Error('malformed expression');
      }
      const b = stack.pop()!;
      const a = stack.pop()!;
      if (token === '+') stack.push(a + b);
      else if (token === '-') stack.push(a - b);
      else if (token === '*') stack.push(a * b);
      else stack.push(Math.trunc(a / b));
    } else {
      stack.push(Number(token));
    }
  }
  return stack[0];
}
`;
const REVERSE_JS = `function reverseList(head) {\n  let prev = null;\n  let curr = head;\n  while (curr !== null) {\n    const next = curr.next;\n    curr.next = prev;\n    prev = curr;\n    curr = next;\n  }\n  return prev;\n}\n`;
const PREFIX_CPP = `#include <vector>\nusing namespace std;\n\nvector<long long> prefixSums(const vector<int>& nums) {\n    vector<long long> prefix(nums.size() + 1, 0);\n    for (size_t i = 0; i < nums.size(); i++) {\n        prefix[i + 1] = prefix[i] + nums[i];\n    }\n    return prefix;\n}\n`;
const TOPK_PY = `import heapq\n\n\ndef top_k(nums, k):\n    heap = []\n    for x in nums:\n        heapq.heappush(heap, x)\n        if len(heap) > k:\n            heapq.heappop(heap)\n    return sorted(heap, reverse=True)\n`;
const CLIMB_JS = `function climbStairs(n, memo = {}) {\n  if (n <= 2) return n;\n  if (memo[n] !== undefined) return memo[n];\n  memo[n] = climbStairs(n - 1, memo) + climbStairs(n - 2, memo);\n  return memo[n];\n}\n`;
const DUP_JAVA = `import java.util.*;\n\nclass Solution {\n    static boolean containsDuplicate(int[] nums) {\n        Set<Integer> seen = new HashSet<>();\n        for (int x : nums) {\n            if (seen.contains(x)) {\n                return true;\n            }\n            seen.add(x);\n        }\n        return false;\n    }\n}\n`;

test('several classes without an alternative between them are parts of one account; a restatement replaces the first form', () => {
  const parts = readComplexity(oneVariable('O(n log k): each heappush costs O(log k), and the sort at the end is only O(k log k).'));
  assert.equal(parts.hedged, false);
  assert.equal(committedClass(parts), 'O(n log n)');
  assert.equal(committedClass(readComplexity('It is O(n) or O(n^2).')), null);
  assert.equal(committedClass(readComplexity("It's O(n^2 / 2) which is basically linear.")), 'O(n)');
});

test('any name inside O(...) is a size: O(n + max), O(V + E), O(len(nums)), O(number of words)', () => {
  for (const [inner, cls] of [['n + max', 'O(n)'], ['V + E', 'O(n)'], ['len(nums)', 'O(n)'], ['number of words', 'O(n)'], ['rows * cols', 'O(n^2)'], ['n log max', 'O(n log n)']]) {
    const c = canonicalCost(inner);
    assert.ok(c, inner);
    assert.equal(costName(c), cls, inner);
  }
});

test('a loop over a container ends when it is empty; names no exit reads are wrong; "could loop forever" is a claim unless about another version', async () => {
  const g = await grader('go', BFS_GO, 'shortestPath', 'termination');
  const full = (await g('It stops when the queue is empty or the target is dequeued; each node is added to dist before it is queued, so it enters the queue at most once and every pass removes one.')).score;
  const bare = (await g('When the queue is empty.')).score;
  assert.ok(full >= 80, `full ${full}`);
  assert.ok(bare >= 40 && bare < full, `bare ${bare}`);
  assert.ok((await g('It stops when node equals start again.')).score <= 15);
  assert.ok((await g('It could loop forever on a graph with a cycle, because nodes keep being re-added.')).score <= 25);
  const gcd = await grader('cpp', GCD_CPP, 'gcd', 'termination');
  assert.ok((await gcd('When the remainder is zero.')).score >= 40, 'the remainder is what b holds');
});

test('a guard that counts items: the shortfall is the hazard; pop() on an empty JS array does not throw; names the condition does not read are wrong', async () => {
  const g = await grader('typescript', RPN_TS, 'evalRPN', 'guard_purpose');
  const full = (await g("An operator with fewer than two numbers on the stack, like ['3', '*']: pop() would return undefined and the result would be NaN, so it throws instead.")).score;
  assert.ok(full >= 80, `full ${full}`);
  const short = (await g('Not enough operands.')).score;
  assert.ok(short >= 40 && short < full, `short ${short}`);
  assert.ok((await g('It prevents an exception from pop(), because popping an empty array throws in JavaScript.')).score <= 25);
  assert.ok((await g('It checks that tokens has at least two items.')).score <= 15);
  assert.ok((await g('Division by zero when b is 0.')).score <= 15);
});

test('saying what a guard checks is half an answer; the hazard it prevents is the whole', async () => {
  const code = `def mean_rating(ratings):\n    if not ratings:\n        return 0.0\n    total = 0\n    for r in ratings:\n        total += r\n    return total / len(ratings)\n`;
  const g = await grader('python', code, 'mean_rating', 'guard_purpose');
  const restated = (await g("It checks that ratings isn't empty.")).score;
  const hazard = (await g('An empty list: without it we would divide by zero when computing the mean.')).score;
  assert.ok(restated >= 40 && restated < hazard, `${restated} < ${hazard}`);
});

test('what a variable holds, from how it is written: a follower ends on the last node, nothing is copied, running totals', async () => {
  const g = await grader('javascript', REVERSE_JS, 'reverseList', 'variable_role');
  const right = (await g('It holds the head of the reversed list when the loop ends; during the loop it trails one node behind curr.')).score;
  assert.ok(right >= 70, `right ${right}`);
  assert.ok((await g('The reversed list.')).score >= 40);
  assert.ok((await g('prev holds null at the end, since it starts as null and the loop ends when everything is null.')).score <= 15);
  assert.ok((await g('It holds the original head, the first node of the input.')).score <= 15);
  assert.ok((await g("It's a copy of the list in reverse order; each pass copies curr into it.")).score <= 25);
  assert.ok((await g("It's the standard prev pointer you always use when reversing a linked list.")).score <= 15, 'its own name and a convention are not a role');
  const p = await grader('cpp', PREFIX_CPP, 'prefixSums', 'variable_role');
  assert.ok((await p('Running totals: entry i+1 is nums[0] + ... + nums[i] and entry 0 is zero, so any range sum is one subtraction.')).score >= 70);
  assert.ok((await p('prefix[i] is the sum up to and including nums[i].')).score <= 25);
  assert.ok((await p('Only the total sum of the array, in the last slot; the other slots stay 0.')).score <= 15);
});

test('a memo cuts the calls, not the depth; a sentence that contrasts depth and calls is not the misconception', async () => {
  const g = await grader('javascript', CLIMB_JS, 'climbStairs', 'recursion');
  assert.ok((await g("There's no real depth, the memo means each call returns immediately, so it's only a couple of frames.")).score <= 25);
  assert.ok((await g('Base case n <= 2. Depth is about n, ~10,000 stack frames: the memo only cuts the number of calls to O(n), not the depth.')).score >= 80);
});

test('each pass calling a heap operation makes "the loop is only O(n)" wrong; the O(n log k) account with its parts is right', async () => {
  const g = await grader('python', TOPK_PY, 'top_k', 'time_complexity');
  assert.ok((await g('Line 10 dominates: sorting is O(n log n) and the loop is only O(n).')).score <= 25);
  assert.ok((await g('O(n log k). Each of the n pushes and pops costs O(log k) on a heap of at most k + 1 items, and the final sort is only O(k log k).')).score >= 80);
});

test('a true property of the chosen structure is a right half-answer; a terse answer cannot be complete', async () => {
  const g = await grader('java', DUP_JAVA, 'containsDuplicate', 'data_structure_choice');
  const property = (await g("A set doesn't allow duplicates, which is what we're looking for.")).score;
  const terse = (await g('O(1) lookups instead of O(n).')).score;
  const full = (await g('seen.contains(x) on a HashSet is O(1) on average because it hashes x, whereas a List would scan every element, so the loop would be O(n^2) instead of O(n).')).score;
  assert.ok(property >= 40 && property < full, `${property}`);
  assert.ok(terse < full, `${terse} < ${full}`);
});

test('reasons in the candidate own words count as explanation', () => {
  assert.equal(explanationDepth('O(n).'), 0);
  assert.ok(explanationDepth('Linear in the number of cells: each cell is visited once by the double loop, and sink never revisits a cell because it marks it, so the work is bounded by the grid size.') >= 2);
});

const TIMEOUT_PY = `def get_timeout(config):\n    try:\n        value = config["timeout"]\n        return int(value)\n    except KeyError:\n        return 30\n`;
const DP_GO = `package main\n\nfunc minPathSum(grid [][]int) int {\n\trows, cols := len(grid), len(grid[0])\n\tdp := make([][]int, rows)\n\tfor r := range dp {\n\t\tdp[r] = make([]int, cols)\n\t}\n\tfor r := 0; r < rows; r++ {\n\t\tfor c := 0; c < cols; c++ {\n\t\t\tdp[r][c] = grid[r][c]\n\t\t}\n\t}\n\treturn dp[rows-1][cols-1]\n}\n`;
const RUN_CPP = `#include <vector>\nusing namespace std;\n\nint longestRun(const vector<int>& v) {\n    int best = 1;\n    int cur = 1;\n    for (size_t i = 1; i < v.size(); i++) {\n        if (v[i] == v[i - 1]) {\n            cur++;\n        } else {\n            cur = 1;\n        }\n        if (cur > best) {\n            best = cur;\n        }\n    }\n    return best;\n}\n`;
const UNIQUE_PY = `def first_unique(s):\n    counts = {}\n    for ch in s:\n        counts[ch] = counts.get(ch, 0) + 1\n    for i, ch in enumerate(s):\n        if counts[ch] == 1:\n            return i\n    return -1\n`;
const ROTATE_GO = `package main\n\nfunc rotate(matrix [][]int) {\n\tn := len(matrix)\n\tfor i := 0; i < n; i++ {\n\t\tfor j := i + 1; j < n; j++ {\n\t\t\tmatrix[i][j], matrix[j][i] = matrix[j][i], matrix[i][j]\n\t\t}\n\t}\n}\n`;
const CHUNK_TS = `function chunk<T>(items: T[], size: number): T[][] {\n  const out: T[][] = [];\n  for (let i = 0; i < items.length; i += size) {\n    out.push(items.slice(i, i + size));\n  }\n  return out;\n}\n`;

test('the line that raises the caught type is read from the code: a KeyError comes from the lookup, not from int()', async () => {
  const g = await grader('python', TIMEOUT_PY, 'get_timeout', 'exceptions');
  assert.ok((await g('The lookup on line 3, when config has no "timeout" key, like {}.')).score >= 80);
  assert.ok((await g("Line 4, int(value) raises KeyError when value is not a number like 'abc'.")).score <= 25);
  const both = (await g("Line 3: config[\"timeout\"] raises KeyError for {}. Line 4 can't raise KeyError; int(value) raises ValueError for 'abc', which isn't caught.")).score;
  assert.ok(both >= 80, `naming another line for another error is not blaming it: ${both}`);
  assert.ok((await g('Any line could raise it really, it depends on what config is.')).score <= 15);
});

test('a table with one entry per grid cell is rows x cols memory', async () => {
  const g = await grader('go', DP_GO, 'minPathSum', 'space_complexity');
  assert.ok((await g('The dp table is the same size as the grid, so O(m*n) extra memory, m rows and n columns.')).score >= 80);
  assert.ok((await g('O(rows + cols) because dp has one entry per row and one per column.')).score <= 15);
});

test('a count started at 1 is a length: one element alone is a run of 1, and an empty input returns 1', async () => {
  const g = await grader('cpp', RUN_CPP, 'longestRun', 'initial_value');
  assert.ok((await g('Because the first element by itself is already a run of length 1. With an empty vector it still returns 1, which is a bug; it should be 0.')).score >= 80);
  assert.ok((await g('It returns 0 for an empty vector because the loop never runs.')).score <= 15);
  assert.ok((await g('1 is the smallest possible value so any element will beat it.')).score <= 25);
});

test('a position returned from inside the loop is an index: not a count, not the most frequent', async () => {
  const g = await grader('python', UNIQUE_PY, 'first_unique', 'purpose');
  assert.ok((await g('It returns the index of the first character in s that appears exactly once, or -1 if every character repeats.')).score >= 80);
  assert.ok((await g('It returns the count of unique characters in s.')).score <= 15);
  assert.ok((await g('It returns the most frequent character.')).score <= 15);
});

test('an inner loop started after i: each pair once; a lower start stays in range but visits pairs twice', async () => {
  const g = await grader('go', ROTATE_GO, 'rotate', 'loop_bounds');
  assert.ok((await g('i + 1 keeps us in the upper triangle so each pair is swapped once; from 0 it would swap twice and undo the transpose.')).score >= 60);
  assert.ok((await g('It has to start at i + 1 or the swap would go out of bounds.')).score <= 15);
  assert.ok((await g('Starting at 0 would be fine, just slower, since swapping twice gives the same result.')).score <= 25);
});

test('tests written as "an empty array -> []" count; a sentence proposing a guard is not an expected result of the code', async () => {
  const g = await grader('typescript', CHUNK_TS, 'chunk', 'testing');
  assert.ok((await g('A typical one: chunk([1,2,3,4], 2) -> [[1,2],[3,4]]. An empty array -> []. A size bigger than the array: chunk([1,2], 5) -> [[1,2]].')).score >= 70);
  assert.ok((await g('chunk([1,2,3,4,5], 2) should return [[1,2],[3,4],[5]]; chunk([], 3) should return []; with size 0 it loops forever, so the test should expect an error, which means adding a guard.')).score >= 60);
  assert.ok((await g('chunk([], 2) should throw because there is nothing to split.')).score <= 15);
});

const BITS_GO = `package main\n\nfunc totalSetBits(n int) int {\n\ttotal := 0\n\tfor i := 1; i <= n; i++ {\n\t\tfor x := i; x > 0; x >>= 1 {\n\t\t\ttotal += x & 1\n\t\t}\n\t}\n\treturn total\n}\n`;
const PAL_JAVA = `class Solution {\n    static boolean isPalindrome(String s) {\n        int i = 0;\n        int j = s.length() - 1;\n        while (i < j) {\n            if (s.charAt(i) != s.charAt(j)) {\n                return false;\n            }\n            i++;\n            j--;\n        }\n        return true;\n    }\n}\n`;
const WORDS_CPP = `#include <sstream>\n#include <string>\nusing namespace std;\n\nstring reverseWords(const string& s) {\n    istringstream in(s);\n    string word;\n    string result;\n    while (in >> word) {\n        if (result.empty()) {\n            result = word;\n        } else {\n            result = word + " " + result;\n        }\n    }\n    return result;\n}\n`;
const POWER_JS = `function power(x, n) {\n  if (n === 0) return 1;\n  const half = power(x, Math.floor(n / 2));\n  if (n % 2 === 0) return half * half;\n  return half * half * x;\n}\n`;

test('a halving loop inside a loop over n adds a log factor: n log n', async () => {
  const g = await grader('go', BITS_GO, 'totalSetBits', 'time_complexity');
  assert.ok((await g('n log n: for each of the n numbers the inner loop goes through its bits, which is log i steps because x is halved.')).score >= 80);
  assert.ok((await g('O(n^2), there is a loop inside a loop.')).score <= 25);
});

test('two indices moving toward each other stop when they meet; not at the end, and not only at the early return', async () => {
  const g = await grader('java', PAL_JAVA, 'isPalindrome', 'termination');
  assert.ok((await g('When i >= j.')).score >= 40);
  assert.ok((await g('It stops when i reaches the end of the string.')).score <= 15);
  assert.ok((await g("It only stops when it finds two characters that don't match.")).score <= 25);
});

test('a check on a local the loop builds singles out the first item; nothing can fail there', async () => {
  const g = await grader('cpp', WORDS_CPP, 'reverseWords', 'guard_purpose');
  assert.ok((await g('It handles the first word: with result empty, word + " " + result would leave a trailing space at the end of the output.')).score >= 80);
  assert.ok((await g("So we don't add an extra space.")).score >= 40);
  assert.ok((await g('It protects against an empty input string crashing the stream.')).score <= 15);
});

test('a recursion that halves n is about log2 n deep', async () => {
  const g = await grader('javascript', POWER_JS, 'power', 'recursion');
  assert.ok((await g('Base case n === 0. It recurses on n/2, so depth is logarithmic in n, about 14 levels for 10,000.')).score >= 80);
  assert.ok((await g('It halves n each time so it is not very deep.')).score >= 40);
  assert.ok((await g('The base case is x === 1, and it goes 10,000 levels deep.')).score <= 15);
  assert.ok((await g('Base case n === 0; it recurses n times, so 10,000 frames deep.')).score <= 25);
});

const MISSING_JAVA = `class Solution {\n    static int missingNumber(int[] nums) {\n        int n = nums.length;\n        int expected = n * (n + 1) / 2;\n        int sum = 0;\n        for (int x : nums) {\n            sum += x;\n        }\n        return expected - sum;\n    }\n}\n`;
const SHOUT_PY = `def shout(words):\n    result = ""\n    for w in words:\n        result += w.upper() + "!"\n    return result\n`;
const SPREAD_GO = `package main\n\nfunc spread(nums []int) int {\n\tlo, hi := nums[0], nums[0]\n\tfor _, x := range nums {\n\t\tif x < lo {\n\t\t\tlo = x\n\t\t}\n\t\tif x > hi {\n\t\t\thi = x\n\t\t}\n\t}\n\treturn hi - lo\n}\n`;

test('a formula in a purpose answer is arithmetic, not a complexity claim; a returned difference is not a sum', async () => {
  const g = await grader('java', MISSING_JAVA, 'missingNumber', 'purpose');
  assert.ok((await g("Given n distinct numbers taken from 0..n, it returns the one number in that range that's missing, by subtracting the actual sum from the expected sum n(n+1)/2.")).score >= 80);
  assert.ok((await g('It returns the sum of all the numbers in the array.')).score <= 15);
  assert.ok((await g('It returns the largest number in the array.')).score <= 15);
});

test('each += copies the string built so far; "the loop does not run" is wrong when the first line raises', async () => {
  const g = await grader('python', SHOUT_PY, 'shout', 'hidden_linear_cost');
  assert.ok((await g('Each += makes a new copy of the string.')).score >= 40);
  const e = await grader('go', SPREAD_GO, 'spread', 'edge_cases');
  assert.ok((await e("The loop doesn't run, so it returns hi - lo, which is whatever was in memory.")).score <= 15);
});
