// compareAnalyses / diffStats: the structural events a trigger reacts to between two snapshots.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeCode, compareAnalyses, diffStats, type CodeAnalysis, type StructuralChange } from '../shared/analysis/index.ts';

async function analyze(code: string, language = 'python'): Promise<CodeAnalysis> {
  const a = await analyzeCode(code, language);
  assert.ok(a);
  return a;
}

async function changes(before: string | null, after: string, language = 'python'): Promise<StructuralChange[]> {
  return compareAnalyses(before === null ? null : await analyze(before, language), await analyze(after, language));
}

const kinds = (cs: StructuralChange[]): string[] => cs.map((c) => c.kind);

const BRUTE = `def two_sum(nums, target):
    for i in range(len(nums)):
        for j in range(i + 1, len(nums)):
            if nums[i] + nums[j] == target:
                return [i, j]
    return []
`;

const FAST = `def two_sum(nums, target):
    seen = {}
    for i, x in enumerate(nums):
        if target - x in seen:
            return [seen[target - x], i]
        seen[x] = i
    return []
`;

test('brute force → hash map: a map is added and the estimate drops', async () => {
  const cs = await changes(BRUTE, FAST);
  const added = cs.find((c) => c.kind === 'data_structure_added');
  assert.ok(added, JSON.stringify(cs));
  assert.equal(added.function, 'two_sum');
  assert.equal(added.to, 'map');
  assert.deepEqual(added.lines, [2, 2]);
  assert.match(added.detail, /two_sum now uses a map seen \(line 2\)/);
  assert.match(added.detail, /from O\(n\^2\) to O\(n\)/);
  assert.ok(!kinds(cs).includes('function_added') && !kinds(cs).includes('function_removed'));
});

test('adding the inner loop over the same array reads as nesting_deeper with the lines', async () => {
  const half = `def two_sum(nums, target):
    for i in range(len(nums)):
        pass
    return []
`;
  const cs = await changes(half, BRUTE);
  const deeper = cs.find((c) => c.kind === 'nesting_deeper');
  assert.ok(deeper, JSON.stringify(cs));
  assert.equal(deeper.detail, 'two_sum now has a loop nested inside another loop over nums (lines 2-5)');
  assert.deepEqual(deeper.lines, [2, 5]);
  assert.deepEqual([deeper.from, deeper.to], ['O(n)', 'O(n^2)']);
  assert.ok(!kinds(cs).includes('loop_added'), 'the inner loop is told once, as nesting');
});

test('first snapshot: every function is added, with its facts as changes', async () => {
  const cs = await changes(null, BRUTE);
  assert.deepEqual(kinds(cs), ['function_added', 'nesting_deeper', 'function_completed']);
  assert.equal(cs[0]?.detail, 'two_sum(nums, target) was added (lines 1-6)');
});

test('rename is recognised from a similar body', async () => {
  const cs = await changes(BRUTE, BRUTE.replace('def two_sum', 'def find_pair'));
  assert.deepEqual(kinds(cs), ['function_renamed']);
  assert.deepEqual([cs[0]?.from, cs[0]?.to, cs[0]?.function], ['two_sum', 'find_pair', 'find_pair']);
});

test('rename with a small edit is still a rename; an unrelated function is not', async () => {
  const edited = BRUTE.replace('def two_sum', 'def pair_sum').replace('return []', 'return None');
  assert.deepEqual(kinds(await changes(BRUTE, edited)), ['function_renamed']);
  const unrelated = `def greet(name):\n    print("hi " + name)\n`;
  const cs = await changes(BRUTE, unrelated);
  assert.deepEqual(kinds(cs).sort(), ['function_added', 'function_removed']);
});

const LIST = `def dedupe(items):
    seen = []
    out = []
    for x in items:
        if x not in seen:
            seen.append(x)
            out.append(x)
    return out
`;

test('list → set for a membership variable is a switch', async () => {
  const cs = await changes(LIST, LIST.replace('seen = []', 'seen = set()').replace('seen.append(x)', 'seen.add(x)'));
  const sw = cs.find((c) => c.kind === 'data_structure_switched');
  assert.ok(sw, JSON.stringify(cs));
  assert.deepEqual([sw.from, sw.to, sw.function], ['list', 'set', 'dedupe']);
  assert.match(sw.detail, /seen in dedupe changed from a list to a set for membership tests \(line 2\)/);
  assert.match(sw.detail, /from O\(n\^2\) to O\(n\)/);
});

test('list → set under a new variable name is still a switch', async () => {
  const after = LIST.replace('seen = []', 'visited = set()').replace('not in seen', 'not in visited').replace('seen.append(x)', 'visited.add(x)');
  const sw = (await changes(LIST, after)).find((c) => c.kind === 'data_structure_switched');
  assert.ok(sw);
  assert.match(sw.detail, /dedupe replaced the list seen with a set visited/);
});

test('array → heap in JavaScript and Java', async () => {
  const js = (init: string) => `function topK(nums, k) {\n  const h = ${init};\n  for (const x of nums) h.push(x);\n  return h;\n}\n`;
  const jsCs = await changes(js('[]'), js('new MinHeap()'), 'javascript');
  assert.deepEqual(jsCs.filter((c) => c.kind === 'data_structure_switched').map((c) => [c.from, c.to]), [['array', 'heap']]);
  const java = (decl: string) => `class S {\n  void f(int[] a) {\n    ${decl}\n    for (int x : a) q.add(x);\n  }\n}\n`;
  const javaCs = await changes(java('List<Integer> q = new ArrayList<>();'), java('PriorityQueue<Integer> q = new PriorityQueue<>();'), 'java');
  assert.deepEqual(javaCs.filter((c) => c.kind === 'data_structure_switched').map((c) => [c.from, c.to]), [['list', 'heap']]);
});

test('recursion, error handling, tests and completion', async () => {
  const fib = `def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n`;
  const iter = `def fib(n):\n    a, b = 0, 1\n    for _ in range(n):\n        a, b = b, a + b\n    return a\n`;
  const rec = (await changes(iter, fib)).find((c) => c.kind === 'recursion_added');
  assert.equal(rec?.detail, 'fib now calls itself on line 4; the base case is on line 2; its estimate went from O(n) to O(2^n)');

  const plain = `def parse(s):\n    return int(s)\n`;
  const guarded = `def parse(s):\n    try:\n        return int(s)\n    except ValueError:\n        return None\n`;
  const err = (await changes(plain, guarded)).find((c) => c.kind === 'error_handling_added');
  assert.equal(err?.detail, 'parse now catches ValueError (try on line 2, handler on line 4)');

  const withTests = `${fib}\ndef test_fib():\n    assert fib(0) == 0\n    assert fib(5) == 5\n`;
  const t = (await changes(fib, withTests)).find((c) => c.kind === 'tests_added');
  assert.equal(t?.function, 'fib');
  assert.equal(t?.detail, 'a new test and 2 new asserts for fib (lines 6, 7, 8)');

  const typing = `def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) +\n`;
  const done = await changes(typing, fib);
  assert.ok(kinds(done).includes('function_completed'), JSON.stringify(done));
  assert.ok(!kinds(await changes(fib, fib)).length, 'no change, no events');
});

test('loop_added names the collection; Go error checks count as error handling', async () => {
  const one = `func sum(xs []int) int {\n\tt := 0\n\treturn t\n}\n`;
  const two = `func sum(xs []int) int {\n\tt := 0\n\tfor _, x := range xs {\n\t\tt += x\n\t}\n\treturn t\n}\n`;
  const loop = (await changes(one, two, 'go')).find((c) => c.kind === 'loop_added');
  assert.equal(loop?.detail, 'sum has a new for-each loop over xs on line 3; its estimate went from O(1) to O(n)');
  const read = (check: string) => `func read(p string) ([]byte, error) {\n\tb, err := os.ReadFile(p)\n${check}\treturn b, nil\n}\n`;
  const err = (await changes(read(''), read('\tif err != nil {\n\t\treturn nil, err\n\t}\n'), 'go')).find((c) => c.kind === 'error_handling_added');
  assert.equal(err?.detail, 'read now checks for an error on line 3');
});

test('diffStats counts added and removed lines and where the new ones are', () => {
  const stats = diffStats(BRUTE, FAST);
  assert.equal(stats.added, 5);
  assert.equal(stats.removed, 4);
  assert.deepEqual(stats.changedLines, [2, 3, 4, 5, 6]);
  assert.deepEqual(diffStats('a\nb\n', 'a\nb\n'), { added: 0, removed: 0, changedLines: [] });
  assert.deepEqual(diffStats('', 'x = 1'), { added: 1, removed: 0, changedLines: [1] });
});
