// Finer facts behind individual question templates: recursion shapes, guards, empty-input hazards,
// variable roles, hidden linear costs, tests and imports, module-level code, the parser cache.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeCode, loadParsers, type CodeAnalysis, type FunctionFacts } from '../shared/analysis/index.ts';

async function analyze(code: string, language = 'python'): Promise<CodeAnalysis> {
  const a = await analyzeCode(code, language);
  assert.ok(a);
  return a;
}

async function fn(code: string, name: string, language = 'python'): Promise<FunctionFacts> {
  const f = (await analyze(code, language)).functions.find((x) => x.name === name);
  assert.ok(f, `no ${name}`);
  return f;
}

test('recursion shapes: divide and conquer, tree walk, memo, halving, flood fill', async () => {
  const mergeSort = `def merge_sort(a):
    if len(a) <= 1:
        return a
    mid = len(a) // 2
    left = merge_sort(a[:mid])
    right = merge_sort(a[mid:])
    return merge(left, right)
`;
  assert.equal((await fn(mergeSort, 'merge_sort')).complexityEstimate, 'O(n log n)');
  const depth = `def depth(root):\n    if not root:\n        return 0\n    return 1 + max(depth(root.left), depth(root.right))\n`;
  const d = await fn(depth, 'depth');
  assert.deepEqual([d.complexityEstimate, d.baseCaseLine], ['O(n)', 2]);
  const memo = `@lru_cache(None)\ndef fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n`;
  assert.equal((await fn(memo, 'fib')).complexityEstimate, 'O(n)');
  const bs = `int bs(int[] a, int lo, int hi, int t) {
    if (lo > hi) return -1;
    int mid = (lo + hi) / 2;
    if (a[mid] == t) return mid;
    if (a[mid] < t) return bs(a, mid + 1, hi, t);
    return bs(a, lo, mid - 1, t);
}`;
  const b = await fn(`class S {\n${bs}\n}`, 'bs', 'java');
  assert.deepEqual([b.complexityEstimate, b.baseCaseLine, b.recursionCalls], ['O(log n)', 3, [6, 7]]);
  const flood = `function fill(g, r, c) {
  if (r < 0 || c < 0 || r >= g.length || c >= g[0].length || g[r][c] !== 1) return;
  g[r][c] = 0;
  fill(g, r + 1, c); fill(g, r - 1, c); fill(g, r, c + 1); fill(g, r, c - 1);
}`;
  const f = await fn(flood, 'fill', 'javascript');
  // Every cell of an m x n grid once: O(m*n), written O(n^2) when every input size is n.
  assert.equal(f.complexityEstimate, 'O(n^2)');
  assert.deepEqual(f.guards.map((g) => g.kind), ['bounds']);
  const subsets = `def subsets(nums, i):\n    if i == len(nums):\n        return [[]]\n    rest = subsets(nums, i + 1)\n    return rest + [[nums[i]] + r for r in rest]\n`;
  // One call per level, but each level returns its callee's result plus a copy of every item of it:
  // the result doubles per level, 2^n subsets.
  assert.equal((await fn(subsets, 'subsets')).complexityEstimate, 'O(2^n)');
  const suffixes = `def suffixes(s):\n    if not s:\n        return []\n    rest = suffixes(s[1:])\n    return [s] + rest\n`;
  assert.equal((await fn(suffixes, 'suffixes')).complexityEstimate, 'O(n^2)');
});

test('amortised work: sliding window, flood fill from a grid scan, heap operations, backtracking', async () => {
  const window = `def longest(s):
    seen = set()
    best = left = 0
    for right in range(len(s)):
        while s[right] in seen:
            seen.remove(s[left])
            left += 1
        seen.add(s[right])
        best = max(best, right - left + 1)
    return best
`;
  const w = await fn(window, 'longest');
  assert.deepEqual([w.complexityEstimate, w.loops[1]?.amortized, w.maxLoopDepth], ['O(n)', true, 2]);
  const islands = `def islands(grid):
    count = 0
    def dfs(r, c):
        if r < 0 or c < 0 or r >= len(grid) or c >= len(grid[0]) or grid[r][c] != '1':
            return
        grid[r][c] = '0'
        dfs(r + 1, c)
        dfs(r, c + 1)
    for r in range(len(grid)):
        for c in range(len(grid[0])):
            if grid[r][c] == '1':
                dfs(r, c)
                count += 1
    return count
`;
  const a = await analyze(islands);
  assert.deepEqual(a.functions.map((f) => [f.name, f.complexityEstimate]), [['islands', 'O(n^2)'], ['dfs', 'O(n^2)']]);
  const heap = `def k_smallest(nums, k):
    h = []
    for x in nums:
        heapq.heappush(h, -x)
        if len(h) > k:
            heapq.heappop(h)
    return h
`;
  const h = await analyze(heap);
  assert.deepEqual([h.functions[0]?.complexityEstimate, h.functions[0]?.dominantLine, h.dataStructures[0]?.kind], ['O(n log n)', 4, 'heap']);
  const bfs = `def bfs(graph, start):
    seen = {start}
    q = deque([start])
    while q:
        node = q.popleft()
        for nb in graph[node]:
            if nb not in seen:
                seen.add(nb)
                q.append(nb)
    return seen
`;
  const b = await fn(bfs, 'bfs');
  assert.deepEqual([b.complexityEstimate, b.loops[1]?.amortized], ['O(n)', true]);
  const dijkstra = `def dijkstra(graph, src):
    dist = {src: 0}
    pq = [(0, src)]
    while pq:
        d, u = heapq.heappop(pq)
        for v, w in graph[u]:
            if d + w < dist.get(v, float('inf')):
                dist[v] = d + w
                heapq.heappush(pq, (d + w, v))
    return dist
`;
  assert.equal((await fn(dijkstra, 'dijkstra')).complexityEstimate, 'O(n log n)');
  const backtrack = `def subsets(nums):
    res, path = [], []
    def bt(i):
        if i == len(nums):
            res.append(path[:])
            return
        path.append(nums[i])
        bt(i + 1)
        path.pop()
        bt(i + 1)
    bt(0)
    return res
`;
  assert.equal((await fn(backtrack, 'bt')).complexityEstimate, 'O(2^n)');
});

test('JSON.parse inside parse is not recursion; Solution.fib inside Solution is', async () => {
  const p = await fn('function parse(s) { return JSON.parse(s); }', 'parse', 'javascript');
  assert.equal(p.recursive, false);
  const j = await fn('class Solution {\n  static int fib(int n) { return n < 2 ? n : Solution.fib(n - 1) + fib(n - 2); }\n}', 'fib', 'java');
  assert.deepEqual([j.recursive, j.baseCaseLine, j.complexityEstimate], [true, 2, 'O(2^n)']);
});

test('guards are classified by the hazard they protect against', async () => {
  const code = `def stats(nums, node, k):
    if not nums:
        return None
    if node is None:
        return None
    if k == 0:
        return 0
    total = 0
    for i in range(len(nums)):
        if i + 1 < len(nums):
            total += nums[i + 1]
    return total / k
`;
  const f = await fn(code, 'stats');
  assert.deepEqual(f.guards.map((g) => [g.line, g.kind]), [[2, 'empty_check'], [4, 'null_check'], [6, 'zero_division'], [10, 'bounds']]);
  assert.equal(f.guards[0]?.text, 'not nums');
  const early = await fn('def f(x, y):\n    if x > y:\n        return x\n    return y\n', 'f');
  assert.deepEqual(early.guards.map((g) => g.kind), ['early_return']);
});

test('indexFirst: unguarded first element, max() and divide by length; guards silence them', async () => {
  const bad = `def max_profit(prices):
    low = prices[0]
    top = max(prices)
    avg = sum(prices) / len(prices)
    return top - low + avg
`;
  const f = await fn(bad, 'max_profit');
  assert.deepEqual(f.indexFirst.map((x) => [x.line, x.param, x.via, x.expr]), [
    [2, 'prices', 'index', 'prices[0]'], [3, 'prices', 'max_min', 'max(prices)'], [4, 'prices', 'div_len', 'sum(prices) / len(prices)']]);
  const good = `def max_profit(prices):\n    if not prices:\n        return 0\n    return max(prices) - prices[0]\n`;
  assert.deepEqual((await fn(good, 'max_profit')).indexFirst, []);
  const inLoop = `function f(xs) {\n  for (const x of xs) { if (x > xs[0]) return x; }\n  return xs.length ? xs[0] : null;\n}`;
  assert.deepEqual((await fn(inLoop, 'f', 'javascript')).indexFirst, []);
  const java = `class S { int f(List<Integer> xs) { return xs.get(0); } }`;
  assert.deepEqual((await fn(java, 'f', 'java')).indexFirst.map((x) => x.expr), ['xs.get(0)']);
});

test('variable roles: stepper, gatherer, follower, flag, walker, container, fixed', async () => {
  const code = `def roles(head, nums):
    n = len(nums)
    total = 0
    prev = None
    found = False
    out = []
    i = 0
    while i < n:
        total += nums[i]
        if nums[i] < 0:
            found = True
        out.append(nums[i])
        prev = i
        i += 1
    node = head
    while node:
        node = node.next
    return total, prev, found, out
`;
  const roles = Object.fromEntries((await fn(code, 'roles')).variableRoles.map((r) => [r.name, [r.role, r.init]]));
  assert.deepEqual(roles, {
    n: ['fixed', 'len(nums)'], total: ['gatherer', '0'], prev: ['follower', 'None'], found: ['flag', 'False'],
    out: ['container', undefined], i: ['stepper', '0'], node: ['walker', 'head'],
  });
});

test('hidden linear costs: front insertion, string concat, list.index', async () => {
  const code = `def build(words):
    out = []
    s = ""
    for w in words:
        out.insert(0, w)
        s += w
        k = words.index(w)
    return out, s, k
`;
  const f = await fn(code, 'build');
  assert.deepEqual(f.linearCallsInLoops.map((x) => [x.line, x.kind, x.expr]), [
    [5, 'shift', 'out.insert(0, w)'], [6, 'concat', 's += w'], [7, 'search', 'words.index(w)']]);
  const set = `def f(xs):\n    seen = set()\n    for x in xs:\n        if x in seen:\n            return True\n        seen.add(x)\n    return False\n`;
  assert.deepEqual((await fn(set, 'f')).linearCallsInLoops, []);
  const sb = `class S { String f(String[] xs) { StringBuilder sb = new StringBuilder(); for (String x : xs) sb.append(x); return sb.toString(); } }`;
  const j = await analyze(sb, 'java');
  assert.deepEqual(j.functions[0]?.linearCallsInLoops, []);
  assert.equal(j.dataStructures[0]?.kind, 'string_builder');
});

test('sorting, sort in a loop, and calls into the candidate\'s own helpers', async () => {
  const sorted = await fn('def f(xs):\n    xs.sort()\n    return xs[0] if xs else None\n', 'f');
  assert.deepEqual([sorted.sortCalls, sorted.complexityEstimate, sorted.dominantLine], [[2], 'O(n log n)', 2]);
  const primes = `def primes(n):
    out = []
    for x in range(2, n):
        if is_prime(x):
            out.append(x)
    return out

def is_prime(x):
    i = 2
    while i * i <= x:
        if x % i == 0:
            return False
        i += 1
    return True
`;
  const a = await analyze(primes);
  const p = a.functions.find((f) => f.name === 'primes');
  assert.deepEqual([p?.complexityEstimate, p?.dominantLine], ['O(n^2)', 4]);
  const dirs = await fn('def f(grid):\n    for r in range(len(grid)):\n        for dr, dc in [(0, 1), (1, 0)]:\n            pass\n', 'f');
  assert.deepEqual([dirs.complexityEstimate, dirs.loops[1]?.constantBound], ['O(n)', true]);
});

test('tests and imports across frameworks', async () => {
  const js = await analyze(`import assert from 'node:assert';\nconst { sum } = require('./sum');\nfunction sum2(a, b) { return a + b; }\ndescribe('sum', () => {\n  it('adds', () => { expect(sum2(1, 2)).toBe(3); });\n});\n`, 'javascript');
  assert.deepEqual(js.imports, ['node:assert']);
  assert.deepEqual(js.tests.map((t) => [t.line, t.name, t.target]), [[4, 'sum', 'sum2'], [5, 'adds', 'sum2'], [5, 'assert', 'sum2']]);
  const go = await analyze(`package main\nimport "testing"\nfunc Add(a, b int) int { return a + b }\nfunc TestAdd(t *testing.T) {\n\tif Add(1, 2) != 3 {\n\t\tt.Errorf("bad")\n\t}\n}\n`, 'go');
  assert.deepEqual(go.imports, ['testing']);
  assert.deepEqual(go.tests.map((t) => [t.line, t.name, t.target]), [[4, 'TestAdd', 'Add'], [6, 'assert', undefined]]);
  const java = await analyze(`import org.junit.Test;\nclass T {\n  int sq(int x) { return x * x; }\n  @Test\n  public void squares() { assertEquals(4, sq(2)); }\n}\n`, 'java');
  assert.deepEqual(java.tests.map((t) => [t.line, t.name, t.target]), [[4, 'squares', 'sq'], [5, 'assert', 'sq']]);
  const cpp = await analyze('#include <cassert>\nint sq(int x) { return x * x; }\nint main() { assert(sq(2) == 4); }\n', 'cpp');
  assert.deepEqual([cpp.imports, cpp.tests.map((t) => t.target)], [['cassert'], ['sq']]);
});

test('script-style code outside functions is analysed as topLevel', async () => {
  const a = await analyze('n = int(input())\nxs = list(map(int, input().split()))\nfor i in range(n):\n    for j in range(n):\n        print(xs[i] * xs[j])\n');
  assert.equal(a.functions.length, 0);
  assert.equal(a.topLevel?.complexityEstimate, 'O(n^2)');
  assert.equal(a.topLevel?.nestedSameCollection?.collection, 'n');
  assert.equal((await analyze('def f():\n    return 1\nprint(f())\n')).topLevel, undefined);
});

test('parsers load once and serve concurrent languages', async () => {
  const [p1, p2] = await Promise.all([loadParsers(), loadParsers()]);
  assert.equal(p1, p2);
  const [a, b] = await Promise.all([p1.get('go'), p1.get('golang')]);
  assert.ok(a && a === b);
  assert.equal(await p1.get('cobol'), null);
  const results = await Promise.all(['python', 'javascript', 'typescript', 'java', 'cpp', 'go'].map((l) => analyzeCode('', l)));
  assert.deepEqual(results.map((r) => r?.language), ['python', 'javascript', 'typescript', 'java', 'cpp', 'go']);
});
