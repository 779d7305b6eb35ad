// The complexity estimator against the labelled corpus in eval/complexity/ (a regression below the
// 90 % target fails here, not only in `npm run eval`), and one focused case per estimator rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeCode, type FunctionFacts } from '../shared/analysis/index.ts';
import { agreement, judge, loadCorpus, TARGET, type Verdict } from '../scripts/eval/complexity.ts';

async function fn(code: string, name: string, language = 'python'): Promise<FunctionFacts> {
  const a = await analyzeCode(code, language);
  const f = a?.functions.find((x) => x.name === name);
  assert.ok(f, `no ${name} in ${language}`);
  return f;
}
const est = async (code: string, name: string, language = 'python'): Promise<string> => (await fn(code, name, language)).complexityEstimate;

test('corpus: at least 120 entries, about 20 per language, every one parses and names its function', async () => {
  const corpus = loadCorpus();
  assert.ok(corpus.length >= 120, `only ${corpus.length} entries`);
  for (const language of ['python', 'javascript', 'typescript', 'java', 'go', 'cpp']) {
    assert.ok(corpus.filter((e) => e.language === language).length >= 20, `${language} has fewer than 20 entries`);
  }
  const verdicts: Verdict[] = [];
  for (const e of corpus) {
    const v = await judge(e);
    assert.equal(v.parseOk, true, `${e.id} does not parse`);
    assert.notEqual(v.got, null, `${e.id}: function ${e.function} not found`);
    verdicts.push(v);
  }
  const a = agreement(verdicts);
  const misses = verdicts.filter((v) => v.got !== v.entry.expected).map((v) => `${v.entry.id}: ${v.entry.expected} vs ${v.got}`);
  assert.ok(a.rate >= TARGET, `agreement ${a.agree}/${a.total}; misses:\n${misses.join('\n')}`);
  const heldOut = agreement(verdicts.filter((v) => v.entry.split === 'held-out'));
  assert.ok(heldOut.total >= 20 && heldOut.rate >= TARGET, `held-out agreement ${heldOut.agree}/${heldOut.total}`);
});

test('agreement counts a wrong label as a miss', async () => {
  const [entry] = loadCorpus();
  assert.ok(entry);
  const right = await judge(entry);
  const wrong = await judge({ ...entry, expected: right.got === 'O(1)' ? 'O(n)' : 'O(1)' });
  assert.deepEqual(agreement([right, wrong]), { total: 2, agree: right.got === entry.expected ? 1 : 0, rate: right.got === entry.expected ? 0.5 : 0 });
});

test('a sort inside a loop costs n · n log n', async () => {
  const py = `def group(strs):\n    out = {}\n    for w in strs:\n        key = ''.join(sorted(w))\n        out.setdefault(key, []).append(w)\n    return out\n`;
  const f = await fn(py, 'group');
  assert.deepEqual([f.complexityEstimate, f.dominantLine], ['O(n^2 log n)', 4]);
  const js = `function group(strs) {\n  const m = {};\n  for (const w of strs) {\n    const k = w.split('').sort().join('');\n    (m[k] ||= []).push(w);\n  }\n  return m;\n}`;
  assert.equal(await est(js, 'group', 'javascript'), 'O(n^2 log n)');
});

test('backtracking with a call per choice in a loop is exponential; quicksort is not', async () => {
  const perm = `def perm(nums, path, used, out):\n    if len(path) == len(nums):\n        out.append(path[:])\n        return\n    for i in range(len(nums)):\n        if used[i]:\n            continue\n        used[i] = True\n        path.append(nums[i])\n        perm(nums, path, used, out)\n        path.pop()\n        used[i] = False\n`;
  assert.equal(await est(perm, 'perm'), 'O(2^n)');
  const parens = `class S {\n  void build(StringBuilder cur, int open, int close, int n) {\n    if (cur.length() == 2 * n) return;\n    if (open < n) { cur.append('('); build(cur, open + 1, close, n); cur.deleteCharAt(cur.length() - 1); }\n    if (close < open) { cur.append(')'); build(cur, open, close + 1, n); cur.deleteCharAt(cur.length() - 1); }\n  }\n}`;
  assert.equal(await est(parens, 'build', 'java'), 'O(2^n)');
});

test('callee work folds into the recursion: quicksort with a partition helper is n log n', async () => {
  const qs = `int part(vector<int>& a, int lo, int hi) {\n  int p = a[hi], i = lo;\n  for (int j = lo; j < hi; j++) if (a[j] < p) swap(a[i++], a[j]);\n  swap(a[i], a[hi]);\n  return i;\n}\nvoid qs(vector<int>& a, int lo, int hi) {\n  if (lo >= hi) return;\n  int p = part(a, lo, hi);\n  qs(a, lo, p - 1);\n  qs(a, p + 1, hi);\n}`;
  assert.equal(await est(qs, 'qs', 'cpp'), 'O(n log n)');
});

test('pointers the outer loop only moves forward are amortised (palindrome skips, three-sum dedupe)', async () => {
  const pal = `def pal(s):\n    l, r = 0, len(s) - 1\n    while l < r:\n        while l < r and not s[l].isalnum():\n            l += 1\n        while l < r and not s[r].isalnum():\n            r -= 1\n        if s[l] != s[r]:\n            return False\n        l += 1\n        r -= 1\n    return True\n`;
  const f = await fn(pal, 'pal');
  assert.deepEqual([f.complexityEstimate, f.loops[1]?.amortized, f.loops[2]?.amortized], ['O(n)', true, true]);
  // A pointer reset by the outer loop (`j = i`) is not amortised.
  const reset = `def pairs(a):\n    i = 0\n    c = 0\n    while i < len(a):\n        j = i\n        while j < len(a):\n            j += 1\n            c += 1\n        i += 1\n    return c\n`;
  assert.equal(await est(reset, 'pairs'), 'O(n^2)');
});

test('a loop counting down from a length is not constant-bound; one over a literal list is', async () => {
  const splice = `function rm(nums, v) {\n  for (let i = nums.length - 1; i >= 0; i--) if (nums[i] === v) nums.splice(i, 1);\n  return nums;\n}`;
  const f = await fn(splice, 'rm', 'javascript');
  assert.deepEqual([f.complexityEstimate, f.loops[0]?.constantBound], ['O(n^2)', undefined]);
  const fixed = `function f(a) {\n  let s = 0;\n  for (const x of a) {\n    for (let k = 0; k < 4; k++) s += x * k;\n  }\n  return s;\n}`;
  assert.equal(await est(fixed, 'f', 'javascript'), 'O(n)');
  const dirs = `package main\n\nfunc walk(cells [][2]int) int {\n\tdirs := [][2]int{{1, 0}, {-1, 0}, {0, 1}, {0, -1}}\n\tn := 0\n\tfor _, c := range cells {\n\t\tfor _, d := range dirs {\n\t\t\tn += c[0] + d[0]\n\t\t}\n\t}\n\treturn n\n}\n`;
  assert.equal(await est(dirs, 'walk', 'go'), 'O(n)');
});

test('worklists: level order through `level = next`, BFS started inside a grid scan, adjacency lists per vertex', async () => {
  const level = `function lv(root) {\n  let level = [root];\n  let n = 0;\n  while (level.length) {\n    const next = [];\n    for (const x of level) { n++; if (x.left) next.push(x.left); }\n    level = next;\n  }\n  return n;\n}`;
  assert.equal(await est(level, 'lv', 'javascript'), 'O(n)');
  const islands = `function isl(g) {\n  let c = 0;\n  for (let r = 0; r < g.length; r++) {\n    for (let k = 0; k < g[0].length; k++) {\n      if (g[r][k] !== 1) continue;\n      c++;\n      g[r][k] = 0;\n      const q = [[r, k]];\n      while (q.length) {\n        const [x, y] = q.pop();\n        for (const [dx, dy] of [[1, 0], [0, 1]]) {\n          if (g[x + dx] && g[x + dx][y + dy] === 1) { g[x + dx][y + dy] = 0; q.push([x + dx, y + dy]); }\n        }\n      }\n    }\n  }\n  return c;\n}`;
  assert.equal(await est(islands, 'isl', 'javascript'), 'O(n^2)');
  // A visited set made afresh for every start lets each search walk everything again.
  const fresh = `def reach(graph):\n    total = 0\n    for s in graph:\n        seen = {s}\n        q = [s]\n        while q:\n            u = q.pop()\n            total += 1\n            for v in graph[u]:\n                if v not in seen:\n                    seen.add(v)\n                    q.append(v)\n    return total\n`;
  assert.equal(await est(fresh, 'reach'), 'O(n^2)');
  const indeg = `def indegrees(n, adj):\n    d = [0] * n\n    for u in range(n):\n        for v in adj[u]:\n            d[v] += 1\n    return d\n`;
  assert.equal(await est(indeg, 'indegrees'), 'O(n)');
  const rows = `def total(grid):\n    s = 0\n    for r in range(len(grid)):\n        for x in grid[r]:\n            s += x\n    return s\n`;
  assert.equal(await est(rows, 'total'), 'O(n^2)');
});

test('monotonic stacks pop only what the outer loop pushed', async () => {
  const ts = `function nextGreater(a: number[]): number[] {\n  const res = a.map(() => -1);\n  const st: number[] = [];\n  for (let i = 0; i < a.length; i++) {\n    while (st.length && a[st[st.length - 1]] < a[i]) res[st.pop()!] = a[i];\n    st.push(i);\n  }\n  return res;\n}`;
  assert.equal(await est(ts, 'nextGreater', 'typescript'), 'O(n)');
});

test('a collection that doubles on every outer pass is exponential', async () => {
  assert.equal(await est(`def subsets(nums):\n    res = [[]]\n    for x in nums:\n        res += [r + [x] for r in res]\n    return res\n`, 'subsets'), 'O(2^n)');
  const go = `package main\n\nfunc subsets(nums []int) [][]int {\n\tres := [][]int{{}}\n\tfor _, x := range nums {\n\t\tsize := len(res)\n\t\tfor i := 0; i < size; i++ {\n\t\t\tres = append(res, append(append([]int{}, res[i]...), x))\n\t\t}\n\t}\n\treturn res\n}\n`;
  assert.equal(await est(go, 'subsets', 'go'), 'O(2^n)');
  // A BFS nested in a loop grows its queue while draining it: not doubling.
  assert.notEqual(await est(`def f(xs, g):\n    for x in xs:\n        q = [x]\n        while q:\n            u = q.pop()\n            if u in g:\n                q.append(g[u])\n    return 0\n`, 'f'), 'O(2^n)');
});

test('library calls: whole-input calls and slices outside loops, C++ append, prepends, front inserts, ordered trees', async () => {
  assert.equal(await est(`def rev(s):\n    return ' '.join(reversed(s.split()))\n`, 'rev'), 'O(n)');
  assert.equal(await est(`def pal(s):\n    return s == s[::-1]\n`, 'pal'), 'O(n)');
  assert.equal(await est(`std::string f(const std::string& s) {\n  std::string o;\n  for (char c : s) o += c;\n  return o;\n}`, 'f', 'cpp'), 'O(n)');
  assert.equal(await est(`std::string f(const std::string& s) {\n  std::string o;\n  for (char c : s) o = o + c;\n  return o;\n}`, 'f', 'cpp'), 'O(n^2)');
  assert.equal(await est(`package main\n\nfunc rev(a []int) []int {\n\tout := []int{}\n\tfor _, x := range a {\n\t\tout = append([]int{x}, out...)\n\t}\n\treturn out\n}\n`, 'rev', 'go'), 'O(n^2)');
  assert.equal(await est(`package main\n\nfunc cp(a []int) []int {\n\tout := []int{}\n\tfor _, x := range a {\n\t\tout = append(out, x)\n\t}\n\treturn out\n}\n`, 'cp', 'go'), 'O(n)');
  assert.equal(await est(`function rev(a) {\n  let out = [];\n  for (const x of a) out = [x, ...out];\n  return out;\n}`, 'rev', 'javascript'), 'O(n^2)');
  assert.equal(await est(`class S {\n  String bin(int[] bits) {\n    StringBuilder sb = new StringBuilder();\n    for (int b : bits) sb.insert(0, b);\n    return sb.toString();\n  }\n}`, 'bin', 'java'), 'O(n^2)');
  assert.equal(await est(`int distinct(const std::vector<int>& a) {\n  std::set<int> s;\n  for (int x : a) s.insert(x);\n  return s.size();\n}`, 'distinct', 'cpp'), 'O(n log n)');
  assert.equal(await est(`int distinct(const std::vector<int>& a) {\n  std::unordered_set<int> s;\n  for (int x : a) s.insert(x);\n  return s.size();\n}`, 'distinct', 'cpp'), 'O(n)');
});

test('a Python list named queue still shifts on pop(0), though it reads as a queue', async () => {
  const code = `def drain(tasks):\n    queue = list(tasks)\n    while queue:\n        queue.pop(0)\n    return 0\n`;
  const a = await analyzeCode(code, 'python');
  assert.equal(a?.functions[0]?.complexityEstimate, 'O(n^2)');
  assert.equal(a?.dataStructures.find((d) => d.name === 'queue')?.kind, 'deque');
});

test('recursion: memo states count their dimensions, grid fills count cells, graph DFS counts vertices and edges', async () => {
  const lcs = `int lcs(const string& a, const string& b, int i, int j, vector<vector<int>>& memo) {\n  if (i == (int)a.size() || j == (int)b.size()) return 0;\n  if (memo[i][j] != -1) return memo[i][j];\n  if (a[i] == b[j]) return memo[i][j] = 1 + lcs(a, b, i + 1, j + 1, memo);\n  return memo[i][j] = max(lcs(a, b, i + 1, j, memo), lcs(a, b, i, j + 1, memo));\n}`;
  assert.equal(await est(lcs, 'lcs', 'cpp'), 'O(n^2)');
  assert.equal(await est(`def fib(n, memo):\n    if n < 2:\n        return n\n    if n in memo:\n        return memo[n]\n    memo[n] = fib(n - 1, memo) + fib(n - 2, memo)\n    return memo[n]\n`, 'fib'), 'O(n)');
  const fill = `def fill(g, r, c):\n    if r < 0 or c < 0 or r >= len(g) or c >= len(g[0]) or g[r][c] != 1:\n        return\n    g[r][c] = 0\n    fill(g, r + 1, c)\n    fill(g, r, c + 1)\n`;
  assert.equal(await est(fill, 'fill'), 'O(n^2)');
  const dfs = `def dfs(adj, u, seen):\n    if u in seen:\n        return\n    seen.add(u)\n    for v in adj[u]:\n        dfs(adj, v, seen)\n`;
  assert.equal(await est(dfs, 'dfs'), 'O(n)');
  const pow = `function pow(x, n) {\n  if (n === 0) return 1;\n  if (n < 0) return 1 / pow(x, -n);\n  const h = pow(x, Math.floor(n / 2));\n  return n % 2 ? h * h * x : h * h;\n}`;
  assert.equal(await est(pow, 'pow', 'javascript'), 'O(log n)');
});

test('every estimate comes with a reason that agrees with its class', async () => {
  const says: Record<string, RegExp> = {
    'O(1)': /nothing in it grows/,
    'O(log n)': /log n|halves/,
    'O(n)': /\(n passes\)|at most n times|whole input|visited once|O\(n\) in all|costs O\(n\)$/,
    'O(n log n)': /n log n|log n|halves/,
    'O(n^2)': /n · n|\(n steps\) on every pass|O\(n\^2\)/,
    'O(n^2 log n)': /n log n and runs on every pass|O\(n\^2 log n\)/,
    'O(n^3)': /n · n · n|nested|O\(n\^3\)/,
    'O(2^n)': /exponential|costs O\(2\^n\)$/,
  };
  // Never a contradiction: a total named in the reason (": O(n^2) in all") is the class, and a
  // product of factors ("(n · log n steps)") multiplies out to it.
  const contradicts = (cls: string, why: string): boolean => {
    const total = /: (O\([^)]*\)) in all\b/.exec(why)?.[1];
    if (total && total !== cls) return true;
    const factors = /\(((?:log n|n)(?: · (?:log n|n))*) steps\)/.exec(why)?.[1]?.split(' · ');
    if (!factors || !why.startsWith('the loop on line')) return false;
    const p = factors.filter((x) => x === 'n').length;
    const l = factors.length - p;
    const product = p === 0 ? (l ? 'O(log n)' : 'O(1)') : `O(${p === 1 ? 'n' : `n^${p}`}${l ? ' log n' : ''})`;
    return product !== cls && !(p >= 3 && cls === 'O(n^3)');
  };
  const wrong: string[] = [];
  for (const e of loadCorpus()) {
    const f = (await analyzeCode(e.code, e.language))?.functions.find((x) => x.name === e.function);
    const pattern = f ? says[f.complexityEstimate] : undefined;
    if (!f?.complexityReason || !pattern?.test(f.complexityReason) || contradicts(f.complexityEstimate, f.complexityReason)) {
      wrong.push(`${e.id} ${f?.complexityEstimate}: ${f?.complexityReason}`);
    }
  }
  assert.deepEqual(wrong, []);
  // The contradiction seen in a report: a quadratic key explained as visiting each element a bounded number of times.
  const grid = await fn(`def total(grid):\n    s = 0\n    for row in grid:\n        for x in row:\n            s += x\n    return s\n`, 'total');
  assert.equal(grid.complexityEstimate, 'O(n^2)');
  assert.match(grid.complexityReason ?? '', /^the loop on line 4 runs inside the loop on line 3 \(n · n steps\)$/);
});

test("Euclid's remainder loop and digit recursion are logarithmic; a circular index is not", async () => {
  assert.equal(await est('int gcd(int a, int b) {\n  while (b != 0) {\n    int t = a % b;\n    a = b;\n    b = t;\n  }\n  return a;\n}', 'gcd', 'cpp'), 'O(log n)');
  assert.equal(await est('def gcd(a, b):\n    while b:\n        a, b = b, a % b\n    return a\n', 'gcd'), 'O(log n)');
  assert.equal(await est('def gcd(a, b):\n    if b == 0:\n        return a\n    return gcd(b, a % b)\n', 'gcd'), 'O(log n)');
  assert.equal(await est('def digits(n):\n    if n < 10:\n        return 1\n    return 1 + digits(n // 10)\n', 'digits'), 'O(log n)');
  assert.equal(await est('def rot(a, k):\n    i = k\n    out = []\n    while len(out) < len(a):\n        out.append(a[i % len(a)])\n        i = i + 1\n    return out\n', 'rot'), 'O(n)');
});

test('copies in loops: a growing slice or substring costs n per pass; fixed widths, chunk steps, returns and split words do not', async () => {
  assert.equal(await est(`def f(s, k):\n    out = []\n    for i in range(len(s) - k + 1):\n        out.append(s[i:i + k])\n    return out\n`, 'f'), 'O(n^2)');
  assert.equal(await est(`def f(s):\n    n = 0\n    for i in range(len(s) - 1):\n        if s[i:i + 2] == 'ab':\n            n += 1\n    return n\n`, 'f'), 'O(n)');
  assert.equal(await est(`int f(const std::string& s, const std::string& t) {\n  int c = 0;\n  for (int i = 0; i + (int)t.size() <= (int)s.size(); i++) if (s.substr(i, t.size()) == t) c++;\n  return c;\n}`, 'f', 'cpp'), 'O(n^2)');
  assert.equal(await est(`class S {\n  int f(String s) {\n    int c = 0;\n    for (int i = 0; i < s.length(); i++) if (s.substring(i, i + 1).equals("a")) c++;\n    return c;\n  }\n}`, 'f', 'java'), 'O(n)');
  assert.equal(await est(`function chunk(a, size) {\n  const out = [];\n  for (let i = 0; i < a.length; i += size) out.push(a.slice(i, i + size));\n  return out;\n}`, 'chunk', 'javascript'), 'O(n)');
  assert.equal(await est(`function prefix(strs) {\n  for (let i = 0; i < strs[0].length; i++) {\n    if (strs[1][i] !== strs[0][i]) return strs[0].slice(0, i);\n  }\n  return strs[0];\n}`, 'prefix', 'javascript'), 'O(n)');
  assert.equal(await est(`function title(s) {\n  return s.split(' ').map((w) => w[0].toUpperCase() + w.slice(1)).join(' ');\n}`, 'title', 'javascript'), 'O(n)');
  assert.equal(await est(`function flat(arrays) {\n  let r = [];\n  for (const a of arrays) r = r.concat(a);\n  return r;\n}`, 'flat', 'javascript'), 'O(n^2)');
  assert.equal(await est(`def grow(xs):\n    res = []\n    for x in xs:\n        res = res + [x]\n    return res\n`, 'grow'), 'O(n^2)');
});

test('log-cost library calls: binary searches, std::map subscripts; a halved bound is still linear; a 2^n bound is exponential', async () => {
  assert.equal(await est(`import bisect\n\ndef f(rows, t):\n    return sum(bisect.bisect_left(r, t) for r in rows)\n`, 'f'), 'O(n log n)');
  assert.equal(await est(`int f(const std::vector<int>& a, const std::vector<int>& q) {\n  int s = 0;\n  for (int x : q) s += std::lower_bound(a.begin(), a.end(), x) - a.begin();\n  return s;\n}`, 'f', 'cpp'), 'O(n log n)');
  assert.equal(await est(`std::map<std::string, int> f(const std::vector<std::string>& w) {\n  std::map<std::string, int> m;\n  for (const auto& x : w) m[x]++;\n  return m;\n}`, 'f', 'cpp'), 'O(n log n)');
  assert.equal(await est(`std::unordered_map<std::string, int> f(const std::vector<std::string>& w) {\n  std::unordered_map<std::string, int> m;\n  for (const auto& x : w) m[x]++;\n  return m;\n}`, 'f', 'cpp'), 'O(n)');
  assert.equal(await est(`package main\n\nfunc f(m [][]int) {\n\tn := len(m)\n\tfor i := 0; i < n/2; i++ {\n\t\tfor j := i; j < n-1-i; j++ {\n\t\t\tm[i][j] = m[j][i]\n\t\t}\n\t}\n}\n`, 'f', 'go'), 'O(n^2)');
  assert.equal(await est(`class S {\n  int f(int[] a) {\n    int n = a.length, c = 0;\n    for (int mask = 0; mask < (1 << n); mask++) c++;\n    return c;\n  }\n}`, 'f', 'java'), 'O(2^n)');
});

test('tallies and adjacency lists walked once per key add up to n', async () => {
  assert.equal(await est(`class S {\n  int[] sort(int[] a, int max) {\n    int[] count = new int[max + 1];\n    for (int x : a) count[x]++;\n    int[] out = new int[a.length];\n    int k = 0;\n    for (int v = 0; v <= max; v++) {\n      for (int c = 0; c < count[v]; c++) out[k++] = v;\n    }\n    return out;\n  }\n}`, 'sort', 'java'), 'O(n)');
  assert.equal(await est(`class S {\n  int f(int[][] grid) {\n    int s = 0;\n    for (int r = 0; r < grid.length; r++) {\n      for (int c = 0; c < grid[r].length; c++) s += grid[r][c];\n    }\n    return s;\n  }\n}`, 'f', 'java'), 'O(n^2)');
});

test('a prefix that only shrinks is amortised across the words; a Go flood fill marks grid cells', async () => {
  const java = `class S {\n  static String common(String[] words) {\n    String prefix = words[0];\n    for (String w : words) {\n      while (!w.startsWith(prefix)) prefix = prefix.substring(0, prefix.length() - 1);\n    }\n    return prefix;\n  }\n}`;
  const f = await fn(java, 'common', 'java');
  assert.deepEqual([f.complexityEstimate, f.loops[1]?.amortized], ['O(n^2)', true]);
  const py = `def common(words):\n    prefix = words[0]\n    for w in words:\n        while not w.startswith(prefix):\n            prefix = prefix[:-1]\n    return prefix\n`;
  assert.equal((await fn(py, 'common')).loops[1]?.amortized, true);
  // Reset for every word, the prefix is no longer shrinking for good.
  const reset = `def f(words):\n    for w in words:\n        p = w\n        while p and p != 'a':\n            p = p[:-1]\n    return 0\n`;
  assert.equal((await fn(reset, 'f')).loops[1]?.amortized, undefined);
  const sink = `package main\n\nfunc sink(grid [][]byte, r, c int) {\n\tif r < 0 || c < 0 || r >= len(grid) || c >= len(grid[0]) || grid[r][c] != '1' {\n\t\treturn\n\t}\n\tgrid[r][c] = '0'\n\tsink(grid, r+1, c)\n\tsink(grid, r, c+1)\n}\n`;
  assert.equal(await est(sink, 'sink', 'go'), 'O(n^2)');
});

test('three-colour DFS keeps its marks; word-search style restores do not', async () => {
  const colours = `def has_cycle(u, graph, state):\n    if state[u] == 1:\n        return True\n    if state[u] == 2:\n        return False\n    state[u] = 1\n    for v in graph[u]:\n        if has_cycle(v, graph, state):\n            return True\n    state[u] = 2\n    return False\n`;
  assert.equal(await est(colours, 'has_cycle'), 'O(n)');
  const restore = `def find(board, r, c, word, i):\n    if i == len(word):\n        return True\n    if board[r][c] != word[i]:\n        return False\n    tmp = board[r][c]\n    board[r][c] = '#'\n    for dr, dc in ((1, 0), (0, 1)):\n        if find(board, r + dr, c + dc, word, i + 1):\n            return True\n    board[r][c] = tmp\n    return False\n`;
  assert.equal(await est(restore, 'find'), 'O(2^n)');
});

test('children loops in a structural walk add up to the nodes; a level-order drain is not doubling', async () => {
  const clone = `Node* clone(Node* node, std::unordered_map<Node*, Node*>& copies) {\n  if (!node) return nullptr;\n  if (copies.count(node)) return copies[node];\n  Node* c = new Node(node->val);\n  copies[node] = c;\n  for (Node* nb : node->neighbors) c->neighbors.push_back(clone(nb, copies));\n  return c;\n}`;
  assert.equal(await est(clone, 'clone', 'cpp'), 'O(n)');
  const size = `def size(node):\n    total = 1\n    for child in node.children:\n        total += size(child)\n    return total\n`;
  assert.equal(await est(size, 'size'), 'O(n)');
  const level = `std::vector<int> order(TreeNode* root) {\n  std::vector<int> out;\n  std::queue<TreeNode*> q;\n  q.push(root);\n  while (!q.empty()) {\n    int sz = q.size();\n    for (int i = 0; i < sz; i++) {\n      TreeNode* n = q.front();\n      q.pop();\n      out.push_back(n->val);\n      if (n->left) q.push(n->left);\n    }\n  }\n  return out;\n}`;
  assert.equal(await est(level, 'order', 'cpp'), 'O(n)');
});

test('library calls: heapq.nlargest sorts, Java streams and nth_element read the input, sets held in a list are sets', async () => {
  assert.equal(await est(`import heapq\n\ndef top(c, k):\n    return heapq.nlargest(k, c.keys(), key=c.get)\n`, 'top'), 'O(n log n)');
  assert.equal(await est(`class S {\n  boolean dup(int[] a) {\n    return java.util.Arrays.stream(a).distinct().count() < a.length;\n  }\n}`, 'dup', 'java'), 'O(n)');
  assert.equal(await est(`void k(std::vector<int>& a, int k) {\n  std::nth_element(a.begin(), a.begin() + k, a.end());\n}`, 'k', 'cpp'), 'O(n)');
  const sets = `def ok(board, vals):\n    rows = [set() for _ in range(9)]\n    for v in vals:\n        if v in rows[v % 9]:\n            return False\n        rows[v % 9].add(v)\n    return True\n`;
  assert.equal(await est(sets, 'ok'), 'O(n)');
  const lists = `def ok(vals):\n    rows = [[] for _ in range(9)]\n    for v in vals:\n        if v in rows[v % 9]:\n            return False\n        rows[v % 9].append(v)\n    return True\n`;
  assert.equal(await est(lists, 'ok'), 'O(n^2)');
});
