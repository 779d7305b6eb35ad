// The facts question choice rests on: sentinels as each language spells them, whether a function's
// main path is finished, tiny helpers, and the order moments are ranked in.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeCode } from '../shared/analysis/index.ts';
import { isTinyHelper, momentsOf } from '../shared/analysis/moments.ts';

const minLoop: Record<string, (init: string) => string> = {
  python: (init) => `def f(nums):\n    best = ${init}\n    for x in nums:\n        if x < best:\n            best = x\n    return best\n`,
  javascript: (init) => `function f(nums) {\n  let best = ${init};\n  for (const x of nums) {\n    if (x < best) best = x;\n  }\n  return best;\n}\n`,
  java: (init) => `class S {\n    long f(int[] nums) {\n        long best = ${init};\n        for (int x : nums) {\n            if (x < best) best = x;\n        }\n        return best;\n    }\n}\n`,
  cpp: (init) => `long f(const std::vector<int>& nums) {\n    long best = ${init};\n    for (int x : nums) {\n        if (x < best) best = x;\n    }\n    return best;\n}\n`,
  go: (init) => `func f(nums []int) int {\n\tbest := ${init}\n\tfor _, x := range nums {\n\t\tif x < best {\n\t\t\tbest = x\n\t\t}\n\t}\n\treturn best\n}\n`,
};

const SPELLINGS: [string, string, 'max' | 'min' | 'first' | 'literal' | null][] = [
  ['python', "float('inf')", 'max'], ['python', 'float("-inf")', 'min'], ['python', 'math.inf', 'max'], ['python', '-math.inf', 'min'],
  ['python', 'sys.maxsize', 'max'], ['python', 'nums[0]', 'first'], ['python', '0', 'literal'], ['python', "float('inf') - 1", null],
  ['javascript', 'Infinity', 'max'], ['javascript', '-Infinity', 'min'], ['javascript', 'Number.MAX_SAFE_INTEGER', 'max'],
  ['javascript', 'Number.NEGATIVE_INFINITY', 'min'], ['javascript', 'nums[0]', 'first'],
  ['java', 'Integer.MAX_VALUE', 'max'], ['java', 'Long.MIN_VALUE', 'min'], ['java', '(long) Integer.MAX_VALUE', 'max'], ['java', 'Integer.MAX_VALUE / 2', null],
  ['cpp', 'INT_MAX', 'max'], ['cpp', 'LLONG_MIN', 'min'], ['cpp', 'std::numeric_limits<long>::max()', 'max'], ['cpp', 'nums[0]', 'first'],
  ['go', 'math.MaxInt', 'max'], ['go', 'math.MinInt64', 'min'], ['go', 'nums[0]', 'first'],
];

for (const [language, init, kind] of SPELLINGS) {
  test(`${language}: best = ${init} is ${kind ? `a ${kind} start` : 'no sentinel'}`, async () => {
    const a = await analyzeCode(minLoop[language]?.(init) ?? '', language);
    const s = a?.functions.find((f) => f.name === 'f')?.sentinels ?? [];
    if (!kind) return assert.deepEqual(s, []);
    assert.equal(s.length, 1, JSON.stringify(s));
    assert.equal(s[0]?.name, 'best');
    assert.equal(s[0]?.kind, kind);
    assert.equal(s[0]?.init, init);
  });
}

test('a start that is never replaced is no sentinel', async () => {
  const a = await analyzeCode('def f(nums):\n    cap = float("inf")\n    return min(cap, len(nums))\n', 'python');
  assert.deepEqual(a?.functions[0]?.sentinels, []);
});

const FINISHED: [string, string, boolean][] = [
  ['python', 'def f(xs):\n    if not xs:\n        return 0\n    total = 0\n', false],
  ['python', 'def f(xs):\n    if not xs:\n        return 0\n    return xs[0]\n', true],
  ['python', 'def f(x):\n    if x > 0:\n        return 1\n    elif x < 0:\n        return -1\n    else:\n        return 0\n', true],
  ['python', 'def f(x):\n    if x > 0:\n        return 1\n    elif x < 0:\n        return -1\n', false],
  ['python', 'def f(xs):\n    for x in xs:\n        pass\n    return 0\n', false],
  ['python', 'def f(xs):\n    for x in xs:\n        if x:\n            return x\n    raise ValueError("none")\n', true],
  ['python', 'def f(s):\n    try:\n        return int(s)\n    except ValueError:\n        return None\n', true],
  ['javascript', 'function f(xs) {\n  if (!xs.length) return 0;\n}\n', false],
  ['javascript', 'const f = (xs) => xs.length;\n', true],
  ['javascript', 'function f(xs) {\n  for (const x of xs) {\n  }\n  return 1;\n}\n', false],
  ['java', 'class S {\n    int f(int x) {\n        if (x > 0) return 1; else return 0;\n    }\n}\n', true],
  // A function that returns nothing is finished when it does some work past its guards (issue 7: a
  // DFS like sink(grid, r, c) or an in-place sort was only ever asked about on a pause).
  ['java', 'class S {\n    void f(int[] a) {\n        a[0] = 1;\n    }\n}\n', true],
  ['java', 'class S {\n    void f(int[] a) {\n        if (a == null) return;\n    }\n}\n', false],
  ['java', 'class S {\n    int f(int[] a) {\n        a[0] = 1;\n    }\n}\n', false],
  ['python', 'def sink(grid, r, c):\n    if r < 0 or c < 0:\n        return\n    grid[r][c] = "0"\n    sink(grid, r + 1, c)\n', true],
  ['python', 'def sink(grid, r, c):\n    if r < 0 or c < 0:\n        return\n', false],
  ['python', 'def sort_in_place(a):\n    for i in range(len(a)):\n        pass\n', false],
  ['python', 'def bubble(a):\n    for i in range(len(a)):\n        for j in range(len(a) - 1):\n            if a[j] > a[j + 1]:\n                a[j], a[j + 1] = a[j + 1], a[j]\n', true],
  // Untyped with no return yet and no argument changed: probably a value function still being written.
  ['python', 'def total(xs):\n    t = 0\n    for x in xs:\n        t += x\n', false],
  ['javascript', 'function visit(node, out) {\n  if (!node) return;\n  out.push(node.val);\n  visit(node.left, out);\n}\n', true],
  ['go', 'func sink(grid [][]byte, r, c int) {\n\tif r < 0 {\n\t\treturn\n\t}\n\tgrid[r][c] = 0\n}\n', true],
  ['go', 'func count(xs []int) int {\n\ttotal := 0\n}\n', false],
  ['cpp', 'void bubble(std::vector<int>& a) {\n    for (size_t i = 0; i < a.size(); i++) {\n        std::swap(a[0], a[i]);\n    }\n}\n', true],
  ['cpp', 'int total(std::vector<int>& a) {\n    int t = 0;\n}\n', false],
  ['typescript', 'function fill(a: number[]): void {\n  a.fill(0);\n}\n', true],
  ['typescript', 'function sum(a: number[]): number {\n  let t = 0;\n}\n', false],
  ['go', 'func f(xs []int) int {\n\tif len(xs) == 0 {\n\t\treturn 0\n\t}\n\treturn xs[0]\n}\n', true],
  ['go', 'func f(xs []int) int {\n\tif len(xs) == 0 {\n\t\treturn 0\n\t}\n\tpanic("unreachable")\n}\n', true],
  ['cpp', 'int f(int x) {\n    if (x > 0) return 1;\n}\n', false],
];

for (const [language, code, finished] of FINISHED) {
  test(`${language}: ${JSON.stringify(code.split('\n').slice(1, 3).join(' / '))}… is ${finished ? '' : 'not '}finished`, async () => {
    const a = await analyzeCode(code, language);
    assert.equal(a?.functions[0]?.finished, finished);
  });
}

test('tiny helpers have no moments; a function with a loop always has purpose last', async () => {
  const a = await analyzeCode('def bigger(a, b):\n    if a > b:\n        return a\n    return b\n\ndef total(xs):\n    t = 0\n    for x in xs:\n        t += x\n    return t\n', 'python');
  assert.ok(a);
  const [bigger, total] = a.functions;
  assert.ok(bigger && total);
  assert.equal(isTinyHelper(bigger), true);
  assert.deepEqual(momentsOf(bigger, a.dataStructures), []);
  assert.equal(isTinyHelper(total), false);
  assert.deepEqual(momentsOf(total, a.dataStructures).map((m) => m.kind), ['purpose']);
  const rec = await analyzeCode('def depth(node):\n    if node is None:\n        return 0\n    return 1 + max(depth(node.left), depth(node.right))\n', 'python');
  assert.equal(rec?.functions[0] && isTinyHelper(rec.functions[0]), false, 'recursion is never tiny');
});

test('a best-so-far at 0 is a question when it holds input values (Kadane), not when it holds lengths', async () => {
  const kadane = 'def max_sub(nums):\n    best = 0\n    cur = 0\n    for x in nums:\n        cur = max(x, cur + x)\n        best = max(best, cur)\n    return best\n';
  const window = 'function longest(s) {\n  let best = 0;\n  for (let i = 0; i < s.length; i++) {\n    for (let j = i; j < s.length; j++) {\n      best = Math.max(best, j - i + 1);\n    }\n  }\n  return best;\n}\n';
  const k = await analyzeCode(kadane, 'python');
  assert.deepEqual(k?.functions[0]?.sentinels?.[0] && [k.functions[0].sentinels[0].name, k.functions[0].sentinels[0].kind], ['best', 'literal']);
  const w = await analyzeCode(window, 'javascript');
  assert.deepEqual(w?.functions[0]?.sentinels, []);
  // A sliding window: left jumps to a stored index (what a map lookup returns is not an element).
  const slide = 'function longest(s) {\n  let best = 0;\n  const last = new Map();\n  let left = 0;\n  for (let right = 0; right < s.length; right++) {\n    const prev = last.get(s[right]);\n    if (prev !== undefined && prev >= left) {\n      left = prev + 1;\n    }\n    last.set(s[right], right);\n    best = Math.max(best, right - left + 1);\n  }\n  return best;\n}\n';
  assert.deepEqual((await analyzeCode(slide, 'javascript'))?.functions[0]?.sentinels, []);
});

test('a running product stored at each index and a prefix table are revealing moments, not "what does it do"', async () => {
  const pes = await analyzeCode('def product_except_self(nums):\n    n = len(nums)\n    out = [1] * n\n    prefix = 1\n    for i in range(n):\n        out[i] = prefix\n        prefix *= nums[i]\n    return out\n', 'python');
  const f = pes?.functions[0];
  assert.ok(f);
  assert.deepEqual(f.running?.map((r) => [r.name, r.kind, r.at]), [['prefix', 'stored_total', 6]]);
  const m = momentsOf(f, pes?.dataStructures ?? []);
  assert.equal(m[0]?.kind, 'running');
  assert.equal(m[0]?.topic, 'variable_role');
  assert.equal(m[0]?.role?.name, 'prefix');
  const ps = await analyzeCode('#include <vector>\nstd::vector<long long> prefixSums(const std::vector<int>& nums) {\n    std::vector<long long> prefix(nums.size() + 1, 0);\n    for (size_t i = 0; i < nums.size(); i++) {\n        prefix[i + 1] = prefix[i] + nums[i];\n    }\n    return prefix;\n}\n', 'cpp');
  const g = ps?.functions.find((x) => x.name === 'prefixSums');
  assert.ok(g);
  assert.deepEqual(g.running?.map((r) => [r.name, r.kind, r.extraSlot]), [['prefix', 'prefix_table', true]]);
  assert.equal(momentsOf(g, ps?.dataStructures ?? [])[0]?.topic, 'loop_bounds');
  // A plain sum returned at the end is still no more than the function's purpose.
  const sum = await analyzeCode('def total(xs):\n    t = 0\n    for x in xs:\n        t += x\n    return t\n', 'python');
  assert.deepEqual(sum?.functions[0]?.running, []);
});
