// Answer keys computed from the code asked about (issue 7): the recursion's size is the parameter its
// self-calls shrink, an exception is blamed on the statements that raise the caught type, a table
// indexed twice is O(rows·cols), a count started at 1 is not a sentinel.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHeuristicProvider } from '../services/agent/heuristic/provider.ts';
import type { QuestionOutput } from '../services/agent/provider.ts';

const provider = createHeuristicProvider();

async function ask(language: string, code: string, fn: string, topic: string): Promise<QuestionOutput & { key: Record<string, unknown> }> {
  const q = await provider.question({ sessionId: 'k', seq: 1, language, code, reasonCode: 'eval', reason: 'test',
    context: { function: fn, topic, facts: { function: fn } }, asked: [], retrieved: [] });
  return { ...q, key: q.expected as Record<string, unknown> };
}

test('recursion names the parameter the self-calls shrink, as a number, a tree, a collection or a grid', async () => {
  const climb = await ask('javascript', 'function climbStairs(n, memo = {}) {\n  if (n <= 2) return n;\n  if (memo[n] !== undefined) return memo[n];\n  memo[n] = climbStairs(n - 1, memo) + climbStairs(n - 2, memo);\n  return memo[n];\n}\n', 'climbStairs', 'recursion');
  assert.match(climb.text, /for n = 10,000/);
  assert.equal(climb.key.param, 'n');
  const power = await ask('javascript', 'function power(x, n) {\n  if (n === 0) return 1;\n  const half = power(x, Math.floor(n / 2));\n  return n % 2 === 0 ? half * half : half * half * x;\n}\n', 'power', 'recursion');
  assert.match(power.text, /for n = 10,000/);
  assert.equal(power.key.depthValue, 14);
  const depth = await ask('java', 'class T {\n  int maxDepth(Node node) {\n    if (node == null) return 0;\n    return 1 + Math.max(maxDepth(node.left), maxDepth(node.right));\n  }\n}\n', 'maxDepth', 'recursion');
  assert.match(depth.text, /a tree of 10,000 nodes/);
  const sum = await ask('cpp', 'long long sumFrom(const std::vector<int>& v, size_t i) {\n    if (i == v.size()) {\n        return 0;\n    }\n    return v[i] + sumFrom(v, i + 1);\n}\n', 'sumFrom', 'recursion');
  assert.match(sum.text, /a vector of 10,000 items/);
  assert.equal(sum.key.param, 'v');
  const sink = await ask('python', 'def sink(grid, r, c):\n    if r < 0 or c < 0 or r >= len(grid) or c >= len(grid[0]) or grid[r][c] != "1":\n        return\n    grid[r][c] = "0"\n    sink(grid, r + 1, c)\n    sink(grid, r - 1, c)\n    sink(grid, r, c + 1)\n    sink(grid, r, c - 1)\n', 'sink', 'recursion');
  assert.match(sink.text, /100 \u00d7 100 grid/);
});

test('the lines that can raise the caught type: the dict lookup for KeyError, the parse for NumberFormatException', async () => {
  const py = await ask('python', 'def get_timeout(config):\n    try:\n        value = config["timeout"]\n        return int(value)\n    except KeyError:\n        return 30\n', 'get_timeout', 'exceptions');
  assert.deepEqual(py.key.riskyLines, [3]);
  assert.ok((py.key.inputTerms as string[]).includes('missing key'));
  assert.ok(!(py.key.riskyTerms as string[]).includes('int'));
  const val = await ask('python', 'def get_timeout(config):\n    try:\n        value = config["timeout"]\n        return int(value)\n    except ValueError:\n        return 30\n', 'get_timeout', 'exceptions');
  assert.deepEqual(val.key.riskyLines, [4]);
  const java = await ask('java', 'class S {\n  static int parsePort(String text) {\n    try {\n      int port = Integer.parseInt(text.trim());\n      if (port < 1) {\n        throw new IllegalArgumentException("range");\n      }\n      return port;\n    } catch (NumberFormatException e) {\n      return -1;\n    }\n  }\n}\n', 'parsePort', 'exceptions');
  assert.deepEqual(java.key.riskyLines, [4]);
  const div = await ask('python', 'def ratio(a, b):\n    try:\n        x = a[0]\n        return x / b\n    except ZeroDivisionError:\n        return 0\n', 'ratio', 'exceptions');
  assert.deepEqual(div.key.riskyLines, [4]);
});

test('a DP table indexed twice is O(rows·cols) space, a list filled in a loop O(n)', async () => {
  const grid = await ask('go', 'package main\n\nfunc minPathSum(grid [][]int) int {\n\trows, cols := len(grid), len(grid[0])\n\tdp := make([][]int, rows)\n\tfor r := range dp {\n\t\tdp[r] = make([]int, cols)\n\t}\n\tfor r := 0; r < rows; r++ {\n\t\tfor c := 0; c < cols; c++ {\n\t\t\tdp[r][c] = grid[r][c]\n\t\t}\n\t}\n\treturn dp[rows-1][cols-1]\n}\n', 'minPathSum', 'space_complexity');
  assert.equal(grid.key.spaceComplexity, 'O(n^2)');
  const flat = await ask('python', 'def squares(nums):\n    out = []\n    for x in nums:\n        out.append(x * x)\n    return out\n', 'squares', 'space_complexity');
  assert.equal(flat.key.spaceComplexity, 'O(n)');
});

test('a loop that shifts n right is O(log n): the estimator, not a template default', async () => {
  const q = await ask('go', 'package main\n\nfunc countBits(n int) int {\n\tc := 0\n\tfor n > 0 {\n\t\tc += n & 1\n\t\tn >>= 1\n\t}\n\treturn c\n}\n', 'countBits', 'time_complexity');
  assert.equal(q.key.complexity, 'O(log n)');
});

test('a count started at 1 is a length, not a sentinel; a max started at -infinity is', async () => {
  const run = await ask('cpp', 'int longestRun(const vector<int>& v) {\n    int best = 1;\n    int cur = 1;\n    for (size_t i = 1; i < v.size(); i++) {\n        if (v[i] == v[i - 1]) {\n            cur++;\n        } else {\n            cur = 1;\n        }\n        if (cur > best) {\n            best = cur;\n        }\n    }\n    return best;\n}\n', 'longestRun', 'initial_value');
  assert.doesNotMatch(String(run.key.keyReason), /below any/);
  assert.match(String(run.key.keyReason), /run of 1/);
  const inf = await ask('python', 'def largest(nums):\n    best = float("-inf")\n    for x in nums:\n        if x > best:\n            best = x\n    return best\n', 'largest', 'initial_value');
  assert.match(String(inf.key.keyReason), /below any real value/);
});

test('a prefix table one slot longer than its input is asked as its bounds; a stored running product by where it is stored', async () => {
  const ps = await ask('cpp', '#include <vector>\nstd::vector<long long> prefixSums(const std::vector<int>& nums) {\n    std::vector<long long> prefix(nums.size() + 1, 0);\n    for (size_t i = 0; i < nums.size(); i++) {\n        prefix[i + 1] = prefix[i] + nums[i];\n    }\n    return prefix;\n}\n', 'prefixSums', 'loop_bounds');
  assert.equal(ps.topic, 'loop_bounds');
  assert.match(ps.text, /one slot more than nums on line 3/);
  const pes = await ask('python', 'def product_except_self(nums):\n    n = len(nums)\n    out = [1] * n\n    prefix = 1\n    for i in range(n):\n        out[i] = prefix\n        prefix *= nums[i]\n    return out\n', 'product_except_self', 'variable_role');
  assert.match(pes.text, /What does prefix hold each time line 6 stores it/);
  assert.match(String(pes.key.keyReason), /running product/);
});

test('reading the middle of a sorted copy is an empty-input question; a string rebuilt around itself is a hidden cost', async () => {
  const med = await ask('typescript', 'function median(nums: number[]): number {\n  const sorted = [...nums].sort((a, b) => a - b);\n  const mid = Math.floor(sorted.length / 2);\n  return sorted[mid];\n}\n', 'median', 'edge_cases');
  assert.equal(med.topic, 'edge_cases');
  assert.equal(med.key.param, 'nums');
  assert.match(String(med.key.keyReason), /sorted\[mid\] on line 4 sorted\[mid\] is undefined|undefined/);
  const py = await ask('python', 'def median(nums):\n    s = sorted(nums)\n    return s[len(s) // 2]\n', 'median', 'edge_cases');
  assert.equal(py.topic, 'edge_cases');
  const words = await ask('cpp', '#include <sstream>\n#include <string>\nstd::string reverseWords(const std::string& s) {\n    std::istringstream in(s);\n    std::string word;\n    std::string result;\n    while (in >> word) {\n        result = word + " " + result;\n    }\n    return result;\n}\n', 'reverseWords', 'hidden_linear_cost');
  assert.equal(words.topic, 'hidden_linear_cost');
  assert.equal(words.key.complexity, 'O(n^2)');
});
