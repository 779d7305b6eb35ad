// What the trigger chooses to ask about, on code typed a few characters at a time (or pasted), in six
// languages: the trigger's own step (the pure function the live handler and the audit replay share)
// runs on every snapshot through a quiet start that holds everything back, then the clock ticks in the
// pause that follows, the gate opens and the held candidate that reveals most is asked; the heuristic
// interviewer turns it into a question.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeCode, compareAnalyses } from '../shared/analysis/index.ts';
import { isTinyHelper, MOMENT_ORDER, MOMENT_TOPIC } from '../shared/analysis/moments.ts';
import { createHeuristicProvider } from '../services/agent/heuristic/provider.ts';
import type { QuestionOutput } from '../services/agent/provider.ts';
import type { Candidate } from '../services/trigger/candidates.ts';
import { structuralCandidates } from '../services/trigger/candidates.ts';
import type { AskEntry } from '../shared/streams.ts';
import { GUARD_ONLY, JAVA_WITH_HELPER, PY_HELPER_ONLY, SCENARIOS } from '../eval/choice/sessions.ts';
import { runTrigger, snapshotsOf } from '../scripts/eval/choice.ts';
import { typeFresh, typeOver } from '../eval/choice/typing.ts';

const provider = createHeuristicProvider();
const run = runTrigger;

async function questionFor(ask: AskEntry): Promise<QuestionOutput> {
  return provider.question({
    sessionId: ask.sessionId, seq: ask.seq, language: ask.language, code: ask.code, reasonCode: ask.reasonCode, reason: ask.reason,
    context: ask.context, asked: [], retrieved: [],
  });
}

for (const s of SCENARIOS) {
  test(`${s.language}: ${s.name} → ${s.expect.reasonCode} (${s.expect.topic}) about ${s.expect.fn}`, async () => {
    const snaps = snapshotsOf(s.versions);
    assert.ok(snaps.length >= (s.versions.every((v) => v.paste) ? 1 : 20), `${snaps.length} snapshots`);
    const r = await run(s.language, snaps, { openGate: true });
    assert.equal(r.asks.length, 1, 'the quiet start held everything back, then one question');
    const top = r.held[0];
    assert.ok(top, 'something was held back');
    const ask = r.asks[0];
    const seen = r.held.map((c) => `${c.reasonCode}/${c.topic}/${c.function}@${c.priority}`).join(' | ');
    assert.equal(ask.reasonCode, s.expect.reasonCode, seen);
    assert.equal(ask.context.topic, s.expect.topic, seen);
    assert.equal(ask.context.function, s.expect.fn, seen);
    assert.equal(top.reasonCode, ask.reasonCode, 'the question asked when the gate opened is the one held on top');
    assert.match(ask.reason, s.expect.sentence);
    const q = await questionFor(ask);
    assert.equal(q.topic, s.expect.topic, q.text);
    for (const re of s.expect.question) assert.match(q.text, re, q.text);
    assert.equal(q.expected.function, s.expect.fn);
    assert.ok(q.expected.keyReason, 'the question carries a key computed from the code');
    assert.doesNotMatch(q.text, /\bwhat does \w+ \(lines? [\d–]+\) do\b/i, 'not the purpose question');
  });
}

test('keys come from the code: a sentinel the return checks, a sentinel another variable hides, a rewrite\'s two costs', async () => {
  const byName = (n: string) => SCENARIOS.find((x) => x.name === n) ?? assert.fail(n);
  const minLen = await run('java', snapshotsOf(byName('Integer.MAX_VALUE sentinel, typed').versions), { openGate: true });
  const q1 = await questionFor(minLen.asks[0] as AskEntry);
  assert.match(String(q1.expected.keyReason), /line 12 turns Integer\.MAX_VALUE into 0, so it returns 0/);
  const profit = await run('python', snapshotsOf(byName("float('inf') sentinel, typed").versions), { openGate: true });
  const q2 = await questionFor(profit.asks[0] as AskEntry);
  assert.match(String(q2.expected.keyReason), /returns profit, which stays at 0/);
  const minOf = await run('go', snapshotsOf(byName('math.MaxInt sentinel, typed').versions), { openGate: true });
  assert.match(String((await questionFor(minOf.asks[0] as AskEntry)).expected.keyReason), /returns smallest itself, still math\.MaxInt/);
  const rw = await run('python', snapshotsOf(byName('brute force rewritten in place with a dict').versions), { openGate: true });
  const q3 = await questionFor(rw.asks[0] as AskEntry);
  assert.equal(q3.expected.complexity, 'O(n)');
  assert.equal(q3.expected.variable, 'seen');
  assert.match(String(q3.expected.keyReason), /nested loops over nums made it O\(n\^2\)/);
});

test('a tiny helper is never a candidate, typed beside real work or alone', async () => {
  const withHelper = await run('java', typeFresh(JAVA_WITH_HELPER), { openGate: true });
  for (const d of withHelper.decisions) {
    assert.ok(![d.candidate, ...d.backlog].some((c) => c?.function === 'max'), `max became a candidate: ${d.reason}`);
  }
  assert.equal(withHelper.asks[0]?.context.function, 'maxProfit');
  assert.equal(withHelper.asks[0]?.reasonCode, 'sentinel_initial_value');
  const alone = await run('python', typeFresh(PY_HELPER_ONLY), { openGate: true });
  for (const d of alone.decisions) assert.ok(![d.candidate, ...d.backlog].some((c) => c?.function === 'clamp'), d.reason);
  assert.equal(alone.asks.length, 0, 'nothing worth asking in a four-line helper');
  const facts = await analyzeCode(JAVA_WITH_HELPER, 'java');
  assert.deepEqual(facts?.functions.map((f) => isTinyHelper(f)), [true, false]);
});

test('without facts, the interviewer never picks the tiny helper either', async () => {
  const q = await provider.question({ sessionId: 's', seq: 1, language: 'java', code: JAVA_WITH_HELPER, reasonCode: 'diff_threshold', reason: 'diff', context: {}, asked: [], retrieved: [] });
  assert.match(q.text, /maxProfit/);
  assert.doesNotMatch(q.text, /\bmax\b \(/);
});

for (const [language, code] of Object.entries(GUARD_ONLY)) {
  test(`${language}: a function with only its guard clause is not finished; the real return is`, async () => {
    const typed = await run(language, typeFresh(code));
    const all = typed.decisions.flatMap((d) => [d.candidate, ...d.backlog]).filter((c): c is Candidate => !!c);
    assert.ok(!all.some((c) => c.reasonCode === 'function_completed'), all.map((c) => c.sentence).join('\n'));
    const a = await analyzeCode(code, language);
    const f = a?.functions[0];
    assert.ok(f);
    assert.equal(f.returns, true, 'the guard returns a value');
    assert.equal(f.finished, false);
    // Finishing the body: the last statement returns the result.
    const done = code.replace(/(best := 1|best = 1;?|let best = 1;|int best = 1;)/, (m) => `${m}\n${language === 'python' ? '    return best' : 'return best;'}`);
    const b = await analyzeCode(done, language);
    assert.ok(b);
    assert.equal(b.functions[0]?.finished, true, done);
    assert.ok(compareAnalyses(a, b).some((c) => c.kind === 'function_completed'));
  });
}

test('"what does it do" only when nothing better exists, and ranked below every revealing moment', async () => {
  const plain = 'def total_even(xs):\n    total = 0\n    for x in xs:\n        if x % 2 == 0:\n            total += x\n    return total\n';
  const r = await run('python', typeFresh(plain), { openGate: true });
  assert.equal(r.asks[0]?.context.topic, 'purpose');
  // asked when the candidate stops: as the finished function, or as the pause after writing it
  assert.ok(['function_completed', 'pause_after_burst'].includes(r.asks[0]?.reasonCode ?? ''), r.asks[0]?.reasonCode);
  assert.equal(r.asks[0]?.context.function, 'total_even');
  const both = `${plain}\n\n${SCENARIOS.find((s) => s.language === 'python' && s.expect.topic === 'initial_value')?.versions[0]?.code}`;
  const r2 = await run('python', typeFresh(both), { openGate: true });
  assert.equal(r2.asks[0]?.context.topic, 'initial_value');
  assert.ok(r2.held.findIndex((c) => c.topic === 'purpose') > 0, 'purpose is held below');
  assert.deepEqual(MOMENT_ORDER.slice(0, 5), ['rewrite', 'recursion', 'costly_call', 'sentinel', 'structure']);
  assert.equal(MOMENT_ORDER[MOMENT_ORDER.length - 1], 'purpose');
});

test('a held moment that is typed away is dropped; its lines follow the code', async () => {
  const s = SCENARIOS.find((x) => x.name === 'splice typed into an existing loop') ?? assert.fail();
  const final = s.versions[1]?.code ?? '';
  const fixed = final.replace('      nums.splice(i, 1);\n', '      nums[i] = nums[nums.length - 1];\n      nums.pop();\n');
  const r = await run('javascript', [...snapshotsOf(s.versions), ...typeOver(final, fixed)]);
  assert.ok(!r.held.some((c) => c.topic === 'hidden_linear_cost'), r.held.map((c) => c.sentence).join('\n'));
  const shifted = `// removes every val\n${final}`;
  const r2 = await run('javascript', [...snapshotsOf(s.versions), shifted]);
  const call = r2.held.find((c) => c.topic === 'hidden_linear_cost');
  assert.equal((call?.facts.call as { line: number } | undefined)?.line, 5, 'the held call names its line in the code as it is now');
  assert.match(call?.sentence ?? '', /Line 5/);
});

test('the interviewer\'s fallback starts where the trigger ranks the same function', async () => {
  for (const s of SCENARIOS.filter((x) => x.expect.reasonCode !== 'complexity_improved')) {
    const code = s.versions[s.versions.length - 1]?.code ?? '';
    const q = await provider.question({ sessionId: 's', seq: 1, language: s.language, code, reasonCode: 'pause_after_burst', reason: 'pause',
      context: { function: s.expect.fn }, asked: [], retrieved: [] });
    assert.equal(q.topic, s.expect.topic, `${s.name}: ${q.text}`);
  }
});

test('a rewrite is measured against the slowest finished version, not the half-typed step before', async () => {
  const s = SCENARIOS[0] ?? assert.fail();
  const snaps = snapshotsOf(s.versions);
  // Straight from the previous snapshot the last step changes nothing about the cost: only the memory knows.
  const [a, b] = await Promise.all([analyzeCode(snaps[snaps.length - 2] ?? '', 'python'), analyzeCode(snaps[snaps.length - 1] ?? '', 'python')]);
  assert.ok(a && b);
  assert.equal(a.functions[0]?.complexityEstimate, b.functions[0]?.complexityEstimate);
  assert.ok(!structuralCandidates(b, compareAnalyses(a, b), a).some((c) => c.reasonCode === 'complexity_improved'));
  const r = await run('python', snaps);
  assert.equal(r.held[0]?.reasonCode, 'complexity_improved');
  assert.equal(r.held[0]?.facts.complexityBefore, 'O(n^2)');
  // A body left as it was is no rewrite, even when a callee's estimate moves it.
  assert.equal(MOMENT_TOPIC.rewrite, 'data_structure_choice');
});

const PY_BRUTE = 'def two_sum(nums, target):\n    for i in range(len(nums)):\n        for j in range(i + 1, len(nums)):\n            if nums[i] + nums[j] == target:\n                return [i, j]\n    return []\n';
const PY_FAST = 'def two_sum_fast(nums, target):\n    seen = {}\n    for i, x in enumerate(nums):\n        if target - x in seen:\n            return [seen[target - x], i]\n        seen[x] = i\n    return []\n';

test('a rewrite under a name edited in place, one beside the slow version, and one to sort + two pointers', async () => {
  // The name grows a character at a time while the body is still the brute force, then the body is rewritten.
  const renaming: string[] = [];
  let cur = PY_BRUTE;
  for (const ch of '_fast') renaming.push(cur = cur.replace(/def (\w+)\(/, (_m, n: string) => `def ${n}${ch}(`));
  const renamed = await run('python', [...typeFresh(PY_BRUTE), ...renaming, ...typeOver(cur, PY_FAST)], { openGate: true });
  const a = renamed.asks[0] as AskEntry;
  assert.equal(a.reasonCode, 'complexity_improved');
  assert.equal(a.context.function, 'two_sum_fast');
  const qa = await questionFor(a);
  assert.match(qa.text, /^You rewrote two_sum \(O\(n\^2\), nested loops over nums\) as two_sum_fast; now it keeps seen in a dict \(line 2\) and is O\(n\)/);

  const beside = await run('python', [...typeFresh(PY_BRUTE), ...typeOver(PY_BRUTE, `${PY_BRUTE}\n\n${PY_FAST}`)], { openGate: true });
  const b = beside.asks[0] as AskEntry;
  assert.equal(b.reasonCode, 'complexity_improved');
  assert.match(b.reason, /two_sum \(O\(n\^2\), nested loops over nums\) was followed by two_sum_fast, now O\(n\) using seen \(a map, line 10\)/);
  assert.match((await questionFor(b)).text, /^Next to two_sum .* you wrote two_sum_fast; it keeps seen in a dict \(line 10\)/);

  const sorted = 'def two_sum(nums, target):\n    nums = sorted(nums)\n    lo, hi = 0, len(nums) - 1\n    while lo < hi:\n        s = nums[lo] + nums[hi]\n        if s == target:\n            return [lo, hi]\n        if s < target:\n            lo += 1\n        else:\n            hi -= 1\n    return []\n';
  const pointers = await run('python', [...typeFresh(PY_BRUTE), ...typeOver(PY_BRUTE, sorted)], { openGate: true });
  const c = pointers.asks[0] as AskEntry;
  assert.equal(c.reasonCode, 'complexity_improved');
  assert.equal(c.context.topic, 'time_complexity');
  const qc = await questionFor(c);
  assert.match(qc.text, /two_sum used to be O\(n\^2\) \(nested loops over nums\); now it is O\(n log n\)\. .*the sort on line 2/);
  assert.equal(qc.expected.complexity, 'O(n log n)');
});

test('a table filled with a sentinel (Dijkstra\'s dist) is asked about by its value', async () => {
  const code = "import heapq\n\ndef shortest(graph, src, n):\n    dist = [float('inf')] * n\n    dist[src] = 0\n    heap = [(0, src)]\n    while heap:\n        d, u = heapq.heappop(heap)\n        if d > dist[u]:\n            continue\n        for v, w in graph[u]:\n            if d + w < dist[v]:\n                dist[v] = d + w\n                heapq.heappush(heap, (dist[v], v))\n    return dist\n";
  const r = await run('python', typeFresh(code), { openGate: true });
  const a = r.asks[0] as AskEntry;
  assert.equal(a.reasonCode, 'sentinel_initial_value');
  const q = await questionFor(a);
  assert.equal(q.text, "Why fill dist with float('inf') on line 4? What does an entry of dist still at float('inf') mean when shortest finishes?");
  const java = 'class S {\n    int[] dist(int n) {\n        int[] d = new int[n];\n        Arrays.fill(d, Integer.MAX_VALUE);\n        for (int i = 0; i < n; i++) {\n            d[i] = Math.min(d[i], i);\n        }\n        return d;\n    }\n}\n';
  const facts = await analyzeCode(java, 'java');
  assert.deepEqual(facts?.functions[0]?.sentinels, [{ name: 'd', line: 4, init: 'Integer.MAX_VALUE', kind: 'max', container: true }]);
});

test('python: a sort on every pass of a loop is asked as a complexity question naming that line', async () => {
  const code = 'def group_anagrams(words):\n    groups = {}\n    for w in words:\n        key = "".join(sorted(w))\n        if key not in groups:\n            groups[key] = []\n        groups[key].append(w)\n    return list(groups.values())\n';
  const r = await run('python', typeFresh(code), { openGate: true });
  const ask = r.asks[0] as AskEntry;
  assert.equal(ask.reasonCode, 'sort_in_loop');
  assert.equal(ask.context.topic, 'time_complexity');
  assert.match(ask.reason, /line 4 of group_anagrams sorts on every pass/i);
  const q = await questionFor(ask);
  assert.match(q.text, /^Line 4 \(`key = "".join\(sorted\(w\)\)`\) sorts on every pass of the loop on line 3\. What is the time complexity of group_anagrams in terms of the number of words and their length/);
  assert.equal(q.expected.dominantLine, 4);
});

test('a list switched to a set is asked once: as the rewrite, not again as the switch', async () => {
  const before = 'def count_unique(words):\n    seen = []\n    count = 0\n    for w in words:\n        if w not in seen:\n            seen.append(w)\n            count += 1\n    return count\n';
  const after = before.replace('seen = []', 'seen = set()').replace('seen.append(w)', 'seen.add(w)');
  // Edited in one update (typed, the list is never seen turning into a set: it passes through unknown names).
  const r = await run('python', [...typeFresh(before), after], { openGate: true });
  const ask = r.asks[0] as AskEntry;
  assert.equal(ask.reasonCode, 'complexity_improved');
  const [a, b] = await Promise.all([analyzeCode(before, 'python'), analyzeCode(after, 'python')]);
  assert.ok(a && b && compareAnalyses(a, b).some((c) => c.kind === 'data_structure_switched'), 'the switch is a change the trigger sees');
  const keys = r.decisions[r.decisions.length - 1]?.backlog.map((c) => c.reasonCode) ?? [];
  assert.ok(!keys.includes('structure_switched'), `held after the rewrite was asked: ${keys.join(', ')}`);
});

test('javascript: a sort before the loop is a complexity question about the sort, not "what does it do"', async () => {
  const code = 'const merge = (intervals) => {\n  intervals.sort((a, b) => a[0] - b[0]);\n  const out = [];\n  for (const [s, e] of intervals) {\n    if (out.length && out[out.length - 1][1] >= s) {\n      out[out.length - 1][1] = Math.max(out[out.length - 1][1], e);\n    } else {\n      out.push([s, e]);\n    }\n  }\n  return out;\n};\n';
  const r = await run('javascript', typeFresh(code), { openGate: true });
  const ask = r.asks[0] as AskEntry;
  assert.equal(ask.context.topic, 'time_complexity');
  assert.match(ask.reason, /sorts on line 2; the sort sets its cost \(O\(n log n\)\)/);
  const q = await questionFor(ask);
  assert.match(q.text, /^Looking at the sort on line 2: what is the time complexity of merge/);
  assert.equal(q.expected.complexity, 'O(n log n)');
});

test('python: exponential recursion given a memo is a rewrite, and the question points at the memo', async () => {
  const fib = 'def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n';
  const memo = 'def fib(n, memo={}):\n    if n < 2:\n        return n\n    if n in memo:\n        return memo[n]\n    memo[n] = fib(n - 1, memo) + fib(n - 2, memo)\n    return memo[n]\n';
  const r = await run('python', [...typeFresh(fib), ...typeOver(fib, memo)], { openGate: true });
  const ask = r.asks[0] as AskEntry;
  assert.equal(ask.reasonCode, 'complexity_improved');
  assert.match(ask.reason, /fib went from O\(2\^n\) to O\(n\)/);
  const q = await questionFor(ask);
  assert.match(q.text, /^fib used to be O\(2\^n\); now it is O\(n\)\. What in the new version removed that cost — look at memo —/);
});

test('typescript: merge rewritten from copying the result on every pass to updating it in place is a rewrite', async () => {
  const before = 'function merge(intervals: number[][]): number[][] {\n  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);\n  let out: number[][] = [];\n  for (const [start, end] of sorted) {\n    const last = out[out.length - 1];\n    if (last && start <= last[1]) {\n      out = [...out.slice(0, -1), [last[0], Math.max(last[1], end)]];\n    } else {\n      out = [...out, [start, end]];\n    }\n  }\n  return out;\n}\n';
  const after = before.replace('let out', 'const out').replace('out = [...out.slice(0, -1), [last[0], Math.max(last[1], end)]];', 'last[1] = Math.max(last[1], end);').replace('out = [...out, [start, end]];', 'out.push([start, end]);');
  const [a, b] = await Promise.all([analyzeCode(before, 'typescript'), analyzeCode(after, 'typescript')]);
  assert.equal(a?.functions[0]?.complexityEstimate, 'O(n^2)');
  assert.equal(b?.functions[0]?.complexityEstimate, 'O(n log n)');
  const r = await run('typescript', [...typeFresh(before), after], { openGate: true });
  assert.ok(r.asks.some((x) => (x as AskEntry).reasonCode === 'complexity_improved'), JSON.stringify(r.asks.map((x) => (x as AskEntry).reasonCode)));
});

test('a DFS that returns nothing is ready once the candidate moves on, not only on a pause', async () => {
  const { looksFinished } = await import('../shared/analysis/moments.ts');
  const { functionLooksDone } = await import('../services/trigger/boundary.ts');
  const code = "def sink(grid, r, c):\n    if r < 0 or c < 0 or r >= len(grid) or c >= len(grid[0]) or grid[r][c] != '1':\n        return\n    grid[r][c] = '0'\n    sink(grid, r + 1, c)\n    sink(grid, r - 1, c)\n\n\ndef num_islands(grid):\n";
  const a = await analyzeCode(code, 'python');
  const f = a?.functions.find((x) => x.name === 'sink') ?? assert.fail('sink');
  assert.ok(looksFinished(f), 'its body is complete');
  assert.ok(functionLooksDone(code, f, 9), 'the candidate moved on to the next function');
  assert.ok(!functionLooksDone(code, f, 6), 'still typing inside it');
  const guardOnly = await analyzeCode("def sink(grid, r, c):\n    if r < 0:\n        return\n", 'python');
  assert.ok(!looksFinished(guardOnly?.functions[0] ?? assert.fail()), 'a guard clause alone is a start');
});
