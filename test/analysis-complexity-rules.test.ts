// Focused tests for the estimator rules added after the h6 blind batch: collections built from a
// whole collection, inserts in the middle of a list, harmonic (sieve) loops, union-find path
// compression, Java stream sorts. Each rule is tested on both sides: where it applies and where the
// same shape must not trigger it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeCode, type FunctionFacts } from '../shared/analysis/index.ts';

async function fn(code: string, name: string, language = 'python'): Promise<FunctionFacts> {
  const f = (await analyzeCode(code, language))?.functions.find((x) => x.name === name);
  assert.ok(f, `${name} not found`);
  return f;
}
const est = async (code: string, name: string, language = 'python'): Promise<string> => (await fn(code, name, language)).complexityEstimate;

test('a collection built from a whole collection reads it once; an empty or constant one does not', async () => {
  assert.equal(await est('def f(nums):\n    return len(set(nums))\n', 'f'), 'O(n)');
  assert.equal(await est('def f(k, v):\n    return dict(zip(k, v))\n', 'f'), 'O(n)');
  assert.equal(await est('def f(a, b):\n    return max(a, b)\n', 'f'), 'O(1)');
  assert.equal(await est('def f():\n    s = set()\n    d = dict(a=1)\n    return list(range(5))\n', 'f'), 'O(1)');
  assert.equal(await est('function f(nums) {\n  return new Set(nums).size;\n}', 'f', 'javascript'), 'O(n)');
  assert.equal(await est('function f() {\n  return new Set([1, 2, 3]).size + new Map().size;\n}', 'f', 'javascript'), 'O(1)');
  assert.equal(await est('function f(a) {\n  return Math.max(...a);\n}', 'f', 'javascript'), 'O(n)');
  assert.equal(await est('function f(a, b) {\n  return Math.max(a, b);\n}', 'f', 'javascript'), 'O(1)');
  const java = (body: string) => `import java.util.*;\nclass S {\n  int f(List<Integer> nums, int n) {\n    ${body}\n  }\n}`;
  assert.equal(await est(java('return new HashSet<>(nums).size();'), 'f', 'java'), 'O(n)');
  assert.equal(await est(java('return new TreeSet<>(nums).size();'), 'f', 'java'), 'O(n log n)');
  // A capacity, not a collection.
  assert.equal(await est(java('return new ArrayList<Integer>(n).size();'), 'f', 'java'), 'O(1)');
  assert.equal(await est('int f(const std::vector<int>& v) {\n  std::set<int> s(v.begin(), v.end());\n  return s.size();\n}', 'f', 'cpp'), 'O(n log n)');
  assert.equal(await est('bool f(const std::string& s) {\n  std::string r(s.rbegin(), s.rend());\n  return r == s;\n}', 'f', 'cpp'), 'O(n)');
  assert.equal(await est('int f(int n) {\n  std::vector<int> v(26, 0);\n  return v[n % 26];\n}', 'f', 'cpp'), 'O(1)');
  const reason = (await fn('def f(nums):\n    return len(set(nums))\n', 'f')).complexityReason ?? '';
  assert.match(reason, /O\(n\) in all$/);
});

test('an insert in the middle of a list shifts what follows; an append does not', async () => {
  assert.equal(await est('import bisect\n\ndef f(nums):\n    w = []\n    for x in nums:\n        bisect.insort(w, x)\n    return w\n', 'f'), 'O(n^2)');
  assert.equal(await est('import bisect\n\ndef f(nums):\n    w = []\n    for x in nums:\n        w.insert(bisect.bisect_left(w, x), x)\n    return w\n', 'f'), 'O(n^2)');
  assert.equal(await est('def f(nums):\n    w = []\n    for x in nums:\n        w.insert(len(w), x)\n    return w\n', 'f'), 'O(n)');
  assert.equal(await est('void f(std::vector<int>& w, const std::vector<int>& a) {\n  for (int x : a) w.insert(std::lower_bound(w.begin(), w.end(), x), x);\n}', 'f', 'cpp'), 'O(n^2)');
  assert.equal(await est('void f(std::vector<int>& w, const std::vector<int>& a) {\n  for (int x : a) w.insert(w.end(), x);\n}', 'f', 'cpp'), 'O(n)');
  assert.equal(await est('import java.util.*;\nclass S {\n  void f(List<Integer> w, int[] a) {\n    for (int x : a) w.add(w.size() / 2, x);\n  }\n}', 'f', 'java'), 'O(n^2)');
});

test('a loop stepping by the outer variable is harmonic (n log n); stepping by a constant is not', async () => {
  const sieve = 'def f(n):\n    p = [True] * n\n    for i in range(2, n):\n        if p[i]:\n            for j in range(i * i, n, i):\n                p[j] = False\n    return p\n';
  const f = await fn(sieve, 'f');
  assert.equal(f.complexityEstimate, 'O(n log n)');
  assert.match(f.complexityReason ?? '', /n \/ ?1 \+|n\/1 \+ n\/2/);
  assert.equal(await est('class S {\n  int f(int n) {\n    int c = 0;\n    for (int i = 1; i <= n; i++) {\n      for (int j = i; j <= n; j += i) c++;\n    }\n    return c;\n  }\n}', 'f', 'java'), 'O(n log n)');
  assert.equal(await est('package main\n\nfunc f(n int) int {\n\tc := 0\n\tfor i := 1; i <= n; i++ {\n\t\tfor j := i; j <= n; j += i {\n\t\t\tc++\n\t\t}\n\t}\n\treturn c\n}\n', 'f', 'go'), 'O(n log n)');
  assert.equal(await est('def f(n):\n    c = 0\n    for i in range(n):\n        for j in range(0, n, 2):\n            c += 1\n    return c\n', 'f'), 'O(n^2)');
});

test('union-find: a find that compresses the path is near-constant; one that only walks is linear', async () => {
  const uf = (body: string) => `def count(n, edges):\n    parent = list(range(n))\n\n    def find(x):\n${body}        return x\n\n    c = n\n    for a, b in edges:\n        ra, rb = find(a), find(b)\n        if ra != rb:\n            parent[ra] = rb\n            c -= 1\n    return c\n`;
  const compressing = uf('        while parent[x] != x:\n            parent[x] = parent[parent[x]]\n            x = parent[x]\n');
  assert.equal(await est(compressing, 'find'), 'O(1)');
  assert.equal(await est(compressing, 'count'), 'O(n)');
  const walking = uf('        while parent[x] != x:\n            x = parent[x]\n');
  assert.equal(await est(walking, 'find'), 'O(n)');
  assert.equal(await est(walking, 'count'), 'O(n^2)');
  // Filling the array is not compression.
  assert.equal(await est('def f(parent, x):\n    for i in range(len(parent)):\n        parent[i] = i\n    while parent[x] != x:\n        x = parent[x]\n    return x\n', 'f'), 'O(n)');
  const twoPass = 'def find(parent, x):\n    root = x\n    while parent[root] != root:\n        root = parent[root]\n    while parent[x] != root:\n        nxt = parent[x]\n        parent[x] = root\n        x = nxt\n    return root\n';
  assert.equal(await est(twoPass, 'find'), 'O(1)');
});

test('Java stream sorted() sorts', async () => {
  assert.equal(await est('import java.util.*;\nimport java.util.stream.*;\nclass S {\n  List<Integer> f(List<Integer> a) {\n    return a.stream().sorted().collect(Collectors.toList());\n  }\n}', 'f', 'java'), 'O(n log n)');
});

test('split parts of split parts add up to the text; a list of lines given as a list is n·m', async () => {
  assert.equal(await est("def f(text):\n    n = 0\n    for line in text.split('\\n'):\n        for w in line.split(','):\n            n += len(w)\n    return n\n", 'f'), 'O(n)');
  assert.equal(await est("def f(lines):\n    n = 0\n    for line in lines:\n        for w in line.split(','):\n            n += len(w)\n    return n\n", 'f'), 'O(n^2)');
});

test('a run walked only from its first number is amortised; a walk from every number is not', async () => {
  const guarded = 'def f(nums):\n    s = set(nums)\n    best = 0\n    for x in s:\n        if x - 1 not in s:\n            y = x\n            while y + 1 in s:\n                y += 1\n            best = max(best, y - x + 1)\n    return best\n';
  assert.equal(await est(guarded, 'f'), 'O(n)');
  const skip = 'function f(nums) {\n  const set = new Set(nums);\n  let best = 0;\n  for (const x of set) {\n    if (set.has(x - 1)) continue;\n    let y = x;\n    while (set.has(y + 1)) y++;\n    best = Math.max(best, y - x + 1);\n  }\n  return best;\n}';
  assert.equal(await est(skip, 'f', 'javascript'), 'O(n)');
  const every = 'def f(nums):\n    s = set(nums)\n    best = 0\n    for x in s:\n        y = x\n        while y + 1 in s:\n            y += 1\n        best = max(best, y - x + 1)\n    return best\n';
  assert.equal(await est(every, 'f'), 'O(n^2)');
});

test('cyclic sort: a swap that puts a value at its home index is amortised', async () => {
  const cyc = 'def f(nums):\n    n = len(nums)\n    for i in range(n):\n        while 0 < nums[i] <= n and nums[nums[i] - 1] != nums[i]:\n            j = nums[i] - 1\n            nums[nums[i] - 1], nums[i] = nums[i], nums[j]\n    return nums\n';
  assert.equal(await est(cyc, 'f'), 'O(n)');
  const bubble = 'def f(nums):\n    for i in range(len(nums)):\n        j = i\n        while j > 0 and nums[j - 1] > nums[j]:\n            nums[j - 1], nums[j] = nums[j], nums[j - 1]\n            j -= 1\n    return nums\n';
  assert.equal(await est(bubble, 'f'), 'O(n^2)');
});

test('string copies: prepending copies the string; C++ string find scans, map find does not; erase in the middle shifts', async () => {
  assert.equal(await est("def f(s):\n    r = ''\n    for c in s:\n        r = c + r\n    return r\n", 'f'), 'O(n^2)');
  assert.equal(await est('int f(const std::string& s, const std::string& t) {\n  int c = 0;\n  size_t p = s.find(t);\n  while (p != std::string::npos) {\n    c++;\n    p = s.find(t, p + 1);\n  }\n  return c;\n}', 'f', 'cpp'), 'O(n^2)');
  assert.equal(await est('int f(const std::vector<int>& a, std::unordered_map<int, int>& m) {\n  int c = 0;\n  for (int x : a) if (m.find(x) != m.end()) c++;\n  return c;\n}', 'f', 'cpp'), 'O(n)');
  assert.equal(await est('void f(std::vector<int>& v) {\n  for (size_t i = 0; i < v.size();) {\n    if (v[i] == 0) v.erase(v.begin() + i);\n    else i++;\n  }\n}', 'f', 'cpp'), 'O(n^2)');
});

test('constant alphabets, bit clearing and the digits of a counter', async () => {
  assert.equal(await est('import string\n\ndef f(s):\n    n = 0\n    for ch in s:\n        for c in string.ascii_lowercase:\n            if c == ch:\n                n += 1\n    return n\n', 'f'), 'O(n)');
  assert.equal(await est('function f(n) {\n  let c = 0;\n  while (n > 0) {\n    n &= n - 1;\n    c++;\n  }\n  return c;\n}', 'f', 'javascript'), 'O(log n)');
  assert.equal(await est('function f(n) {\n  let c = 0;\n  while (n > 0) {\n    n -= 1;\n    c++;\n  }\n  return c;\n}', 'f', 'javascript'), 'O(n)');
  const digits = await fn('def f(n):\n    total = 0\n    for i in range(1, n + 1):\n        for ch in str(i):\n            total += int(ch)\n    return total\n', 'f');
  assert.equal(digits.complexityEstimate, 'O(n log n)');
  assert.match(digits.complexityReason ?? '', /n · log n/);
  // The text of a word, not of a counter, is as long as the input.
  assert.equal(await est('def f(words):\n    total = 0\n    for w in words:\n        for ch in str(w):\n            total += 1\n    return total\n', 'f'), 'O(n^2)');
});

test('reduce that spreads its accumulator copies it every step; one that pushes does not', async () => {
  assert.equal(await est('function f(a) {\n  return a.reduce((acc, x) => [...acc, x * 2], []);\n}', 'f', 'javascript'), 'O(n^2)');
  assert.equal(await est('function f(a) {\n  return a.reduce((acc, x) => ({ ...acc, [x]: true }), {});\n}', 'f', 'javascript'), 'O(n^2)');
  assert.equal(await est('function f(a) {\n  return a.reduce((acc, x) => { acc.push(x * 2); return acc; }, []);\n}', 'f', 'javascript'), 'O(n)');
});

test('sorting copies that grow with the input costs n per comparison', async () => {
  const f = await fn('std::vector<std::string> f(const std::string& s) {\n  std::vector<std::string> out;\n  for (size_t i = 0; i < s.size(); i++) out.push_back(s.substr(i));\n  std::sort(out.begin(), out.end());\n  return out;\n}', 'f', 'cpp');
  assert.equal(f.complexityEstimate, 'O(n^2 log n)');
  assert.match(f.complexityReason ?? '', /O\(n\^2 log n\) in all$/);
  assert.equal(await est('def f(words):\n    out = []\n    for w in words:\n        out.append(w)\n    out.sort()\n    return out\n', 'f'), 'O(n log n)');
});

test('a recursive find that writes its result back compresses the path; one that does not is linear', async () => {
  const code = (find: string) => `def count(n, edges):\n    parent = list(range(n))\n\n    def find(x):\n${find}\n    c = n\n    for a, b in edges:\n        ra, rb = find(a), find(b)\n        if ra != rb:\n            parent[ra] = rb\n            c -= 1\n    return c\n`;
  const compressing = code('        if parent[x] != x:\n            parent[x] = find(parent[x])\n        return parent[x]\n');
  assert.equal(await est(compressing, 'find'), 'O(1)');
  assert.equal(await est(compressing, 'count'), 'O(n)');
  assert.match((await fn(compressing, 'find')).complexityReason ?? '', /path compression/);
  const plain = code('        if parent[x] == x:\n            return x\n        return find(parent[x])\n');
  assert.equal(await est(plain, 'find'), 'O(n)');
  assert.equal(await est('class UF {\n  int[] p;\n  int find(int x) {\n    return p[x] == x ? x : (p[x] = find(p[x]));\n  }\n}', 'find', 'java'), 'O(1)');
});

test('combinations of r items are n^r passes; permutations and next_permutation are exponential', async () => {
  const pairs = await fn('from itertools import combinations\n\ndef f(nums):\n    c = 0\n    for a, b in combinations(nums, 2):\n        c += a * b\n    return c\n', 'f');
  assert.equal(pairs.complexityEstimate, 'O(n^2)');
  assert.match(pairs.complexityReason ?? '', /n · n passes/);
  assert.equal(await est('import itertools\n\ndef f(nums):\n    return sum(1 for t in itertools.combinations(nums, 3) if sum(t) == 0)\n', 'f'), 'O(n^3)');
  assert.equal(await est('from itertools import combinations\n\ndef f(nums, k):\n    c = 0\n    for t in combinations(nums, k):\n        c += 1\n    return c\n', 'f'), 'O(2^n)');
  const orders = await fn('from itertools import permutations\n\ndef f(nums):\n    c = 0\n    for p in permutations(nums):\n        c += 1\n    return c\n', 'f');
  assert.equal(orders.complexityEstimate, 'O(2^n)');
  assert.match(orders.complexityReason ?? '', /ordering/);
  assert.equal(await est('int f(std::vector<int> v) {\n  int c = 0;\n  do {\n    c++;\n  } while (std::next_permutation(v.begin(), v.end()));\n  return c;\n}', 'f', 'cpp'), 'O(2^n)');
});

test('library scans: Collections.frequency and count_if scan, deleteCharAt(0) shifts, flat copies', async () => {
  assert.equal(await est('import java.util.*;\nclass S {\n  int f(List<Integer> a) {\n    int c = 0;\n    for (int x : a) if (Collections.frequency(a, x) > 1) c++;\n    return c;\n  }\n}', 'f', 'java'), 'O(n^2)');
  assert.equal(await est('class S {\n  int f(String s) {\n    StringBuilder sb = new StringBuilder(s);\n    int c = 0;\n    while (sb.length() > 0) { sb.deleteCharAt(0); c++; }\n    return c;\n  }\n}', 'f', 'java'), 'O(n^2)');
  assert.equal(await est('class S {\n  int f(String s) {\n    StringBuilder sb = new StringBuilder(s);\n    int c = 0;\n    while (sb.length() > 0) { sb.deleteCharAt(sb.length() - 1); c++; }\n    return c;\n  }\n}', 'f', 'java'), 'O(n)');
  assert.equal(await est('int f(const std::vector<int>& v) {\n  return std::count_if(v.begin(), v.end(), [](int x) { return x > 0; });\n}', 'f', 'cpp'), 'O(n)');
  assert.equal(await est('int f(const std::vector<int>& v) {\n  int c = 0;\n  for (int x : v) c += std::count_if(v.begin(), v.end(), [x](int y) { return y < x; });\n  return c;\n}', 'f', 'cpp'), 'O(n^2)');
  assert.equal(await est('function f(a) {\n  return a.flat();\n}', 'f', 'javascript'), 'O(n)');
});

test('the text of a number is log n long; the text of an unknown value is not', async () => {
  const weight = await fn("function f(n: number): number {\n  return n.toString(2).split('').filter((c) => c === '1').length;\n}", 'f', 'typescript');
  assert.equal(weight.complexityEstimate, 'O(log n)');
  assert.equal(await est("function f(s: string): number {\n  return s.split('').filter((c) => c === '1').length;\n}", 'f', 'typescript'), 'O(n)');
  const pal = 'bool f(int x) {\n  std::string s = std::to_string(x);\n  std::string r = s;\n  std::reverse(r.begin(), r.end());\n  return r == s;\n}';
  const p = await fn(pal, 'f', 'cpp');
  assert.equal(p.complexityEstimate, 'O(log n)');
  assert.match(p.complexityReason ?? '', /log n digits/);
  assert.equal(await est('bool f(const std::string& x) {\n  std::string r = x;\n  std::reverse(r.begin(), r.end());\n  return r == x;\n}', 'f', 'cpp'), 'O(n)');
});

test('fixed-width slices ending at i do not grow; a slice from the start does', async () => {
  assert.equal(await est('def f(s):\n    c = 0\n    for i in range(2, len(s) + 1):\n        if s[i - 2:i] == "ab":\n            c += 1\n    return c\n', 'f'), 'O(n)');
  assert.equal(await est('class S {\n  int f(String s) {\n    int c = 0;\n    for (int i = 2; i <= s.length(); i++) c += Integer.parseInt(s.substring(i - 2, i));\n    return c;\n  }\n}', 'f', 'java'), 'O(n)');
  assert.equal(await est('def f(s):\n    c = 0\n    for i in range(len(s)):\n        if s[0:i] == "ab":\n            c += 1\n    return c\n', 'f'), 'O(n^2)');
});

test('aggregates over one collection outside loops read it; Go HasPrefix compares; math.Max of two is constant', async () => {
  assert.equal(await est('package main\n\nimport "slices"\n\nfunc f(a []int) int {\n\treturn slices.Max(a) - slices.Min(a)\n}\n', 'f', 'go'), 'O(n)');
  assert.equal(await est('package main\n\nimport "math"\n\nfunc f(a, b float64) float64 {\n\treturn math.Max(a, b)\n}\n', 'f', 'go'), 'O(1)');
  assert.equal(await est('import java.util.*;\nclass S {\n  int f(List<Integer> a) {\n    return Collections.max(a);\n  }\n}', 'f', 'java'), 'O(n)');
  const trim = 'package main\n\nimport "strings"\n\nfunc f(strs []string) string {\n\tp := strs[0]\n\tfor _, s := range strs {\n\t\tfor !strings.HasPrefix(s, p) {\n\t\t\tp = p[:len(p)-1]\n\t\t}\n\t}\n\treturn p\n}\n';
  assert.equal(await est(trim, 'f', 'go'), 'O(n^2)');
});

test('reading at a halved index does not halve the loop; halving the counter does', async () => {
  assert.equal(await est('std::vector<int> f(int n) {\n  std::vector<int> r(n + 1, 0);\n  for (int i = 1; i <= n; i++) r[i] = r[i >> 1] + (i & 1);\n  return r;\n}', 'f', 'cpp'), 'O(n)');
  assert.equal(await est('int f(int n) {\n  int c = 0;\n  while (n > 0) {\n    n = n >> 1;\n    c++;\n  }\n  return c;\n}', 'f', 'cpp'), 'O(log n)');
});

test('a BFS over a grid from one start takes each cell once (n^2); over a graph it is n', async () => {
  const grid = 'from collections import deque\n\ndef f(grid):\n    m, n = len(grid), len(grid[0])\n    seen = [[False] * n for _ in range(m)]\n    q = deque([(0, 0)])\n    seen[0][0] = True\n    steps = 0\n    while q:\n        r, c = q.popleft()\n        steps += 1\n        for dr, dc in ((1, 0), (0, 1), (-1, 0), (0, -1)):\n            nr, nc = r + dr, c + dc\n            if 0 <= nr < m and 0 <= nc < n and not seen[nr][nc]:\n                seen[nr][nc] = True\n                q.append((nr, nc))\n    return steps\n';
  const g = await fn(grid, 'f');
  assert.equal(g.complexityEstimate, 'O(n^2)');
  assert.match(g.complexityReason ?? '', /each cell of the grid/);
  const graph = 'from collections import deque\n\ndef f(adj, s):\n    seen = [False] * len(adj)\n    q = deque([s])\n    seen[s] = True\n    while q:\n        u = q.popleft()\n        for v in adj[u]:\n            if not seen[v]:\n                seen[v] = True\n                q.append(v)\n    return seen\n';
  assert.equal(await est(graph, 'f'), 'O(n)');
});

test('allocations sized by the input cost their size, multiplied by the loops around them', async () => {
  assert.equal(await est('def f(m, n):\n    return [[0] * n for _ in range(m)]\n', 'f'), 'O(n^2)');
  assert.equal(await est('def f(n):\n    return [0] * 26\n', 'f'), 'O(1)');
  assert.equal(await est('def f(n):\n    return [0] * (n + 1)\n', 'f'), 'O(n)');
  assert.equal(await est('function f(n) {\n  return Array(n).fill(0).map(() => Array(n).fill(0));\n}', 'f', 'javascript'), 'O(n^2)');
  assert.equal(await est('class S {\n  int f(int m, int n) {\n    int[][] dp = new int[m + 1][n + 1];\n    return dp[m][n];\n  }\n}', 'f', 'java'), 'O(n^2)');
  assert.equal(await est('class S {\n  int f(int n) {\n    int[] c = new int[26];\n    return c[n % 26];\n  }\n}', 'f', 'java'), 'O(1)');
  assert.equal(await est('package main\n\nfunc f(n int) []int {\n\treturn make([]int, n)\n}\n', 'f', 'go'), 'O(n)');
  const bar = await fn("std::string f(int n) {\n  std::string s(n, '#');\n  return s;\n}", 'f', 'cpp');
  assert.equal(bar.complexityEstimate, 'O(n)');
  assert.match(bar.complexityReason ?? '', /O\(n\) in all$/);
  assert.equal(await est('int f(int m, int n) {\n  std::vector<std::vector<int>> dp(m, std::vector<int>(n, 0));\n  return dp[0][0];\n}', 'f', 'cpp'), 'O(n^2)');
});

test('a whole-input call on the parameter itself inside a loop costs n per pass; on an element it does not', async () => {
  assert.equal(await est('class S {\n  int f(String s) {\n    int c = 0;\n    for (int i = 0; i < s.length(); i++) {\n      char[] cs = s.toCharArray();\n      if (cs[i] == \'a\') c++;\n    }\n    return c;\n  }\n}', 'f', 'java'), 'O(n^2)');
  assert.equal(await est('def f(s):\n    c = 0\n    for i in range(len(s)):\n        if s[i].lower() == "a":\n            c += 1\n    return c\n', 'f'), 'O(n)');
});

test('a whole-input call on each string of a typed list is n·m; on each word of one split string it is not', async () => {
  assert.equal(await est('package main\n\nimport "strings"\n\nfunc f(words []string) int {\n\tc := 0\n\tfor _, w := range words {\n\t\tc += strings.Count(w, "a")\n\t}\n\treturn c\n}\n', 'f', 'go'), 'O(n^2)');
  assert.equal(await est('package main\n\nimport "strings"\n\nfunc f(s string) int {\n\tc := 0\n\tfor _, w := range strings.Fields(s) {\n\t\tc += strings.Count(w, "a")\n\t}\n\treturn c\n}\n', 'f', 'go'), 'O(n)');
  assert.equal(await est('class S {\n  int f(String[] words) {\n    int c = 0;\n    for (String w : words) c += w.toLowerCase().length();\n    return c;\n  }\n}', 'f', 'java'), 'O(n^2)');
  // Strings.Count on the parameter itself inside a loop: the whole input on every pass.
  assert.equal(await est('package main\n\nimport "strings"\n\nfunc f(s string, qs []string) int {\n\tc := 0\n\tfor _, q := range qs {\n\t\tc += strings.Count(s, q)\n\t}\n\treturn c\n}\n', 'f', 'go'), 'O(n^2)');
});

test('round 11: grid rows copied, key scans, flattened grids, quickselect, doubling results, LinkedList.get, tallies, graph.get', async () => {
  assert.equal(await est('def f(matrix):\n    out = []\n    for row in matrix:\n        out.extend(row)\n    return out\n', 'f'), 'O(n^2)');
  assert.equal(await est('def f(nums):\n    out = []\n    for x in nums:\n        out.append(x)\n    return out\n', 'f'), 'O(n)');
  assert.equal(await est('def f(nums):\n    return max(nums, key=nums.count)\n', 'f'), 'O(n^2)');
  assert.equal(await est('def f(nums, count):\n    return max(nums, key=count.get)\n', 'f'), 'O(n)');
  assert.equal(await est('function f(m: number[][]): number[] {\n  return m.flat().sort((a, b) => a - b);\n}', 'f', 'typescript'), 'O(n^2 log n)');
  const qs = 'def qs(a, k, lo, hi):\n    p = lo\n    for i in range(lo, hi):\n        if a[i] < a[hi]:\n            a[i], a[p] = a[p], a[i]\n            p += 1\n    a[p], a[hi] = a[hi], a[p]\n    if k == p:\n        return a[p]\n    return qs(a, k, lo, p - 1) if k < p else qs(a, k, p + 1, hi)\n';
  assert.equal(await est(qs, 'qs'), 'O(n)');
  assert.equal(await est('def f(n):\n    if n == 0:\n        return 0\n    s = 0\n    for i in range(n):\n        s += i\n    return s + f(n - 1)\n', 'f'), 'O(n^2)');
  assert.equal(await est('import java.util.*;\nclass S {\n  long f(LinkedList<Integer> a) {\n    long s = 0;\n    for (int i = 0; i < a.size(); i++) s += a.get(i);\n    return s;\n  }\n}', 'f', 'java'), 'O(n^2)');
  assert.equal(await est('import java.util.*;\nclass S {\n  long f(ArrayList<Integer> a) {\n    long s = 0;\n    for (int i = 0; i < a.size(); i++) s += a.get(i);\n    return s;\n  }\n}', 'f', 'java'), 'O(n)');
  assert.equal(await est('def f(nums):\n    count = {}\n    for x in nums:\n        count[x] = count.get(x, 0) + 1\n    out = []\n    for v, c in count.items():\n        for _ in range(c):\n            out.append(v)\n    return out\n', 'f'), 'O(n)');
  assert.equal(await est('function f(graph: Map<number, number[]>, s: number): number {\n  const seen = new Set([s]);\n  let frontier = [s];\n  while (frontier.length) {\n    const next: number[] = [];\n    for (const u of frontier) {\n      for (const v of graph.get(u) ?? []) {\n        if (!seen.has(v)) { seen.add(v); next.push(v); }\n      }\n    }\n    frontier = next;\n  }\n  return seen.size;\n}', 'f', 'typescript'), 'O(n)');
});

test('round 12: Counter.most_common sorts; a C++ range insert of each row copies it', async () => {
  assert.equal(await est('from collections import Counter\n\ndef f(words, k):\n    return Counter(words).most_common(k)\n', 'f'), 'O(n log n)');
  assert.equal(await est('std::vector<int> f(const std::vector<std::vector<int>>& g) {\n  std::vector<int> out;\n  for (const auto& row : g) out.insert(out.end(), row.begin(), row.end());\n  return out;\n}', 'f', 'cpp'), 'O(n^2)');
  assert.equal(await est('std::vector<int> f(const std::vector<int>& a) {\n  std::vector<int> out;\n  for (int x : a) out.insert(out.end(), x);\n  return out;\n}', 'f', 'cpp'), 'O(n)');
});
