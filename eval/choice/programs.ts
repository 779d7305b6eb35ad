// The programs of the labelled typed sessions (sessions.ts), each version as the candidate leaves it.

export const py = (...l: string[]) => `${l.join('\n')}\n`;

// ---- a rewrite that changed the complexity -------------------------------------------------------

export const PY_BRUTE = py(
  'def two_sum(nums, target):',
  '    for i in range(len(nums)):',
  '        for j in range(i + 1, len(nums)):',
  '            if nums[i] + nums[j] == target:',
  '                return [i, j]',
  '    return []',
);
export const PY_HASH = py(
  'def two_sum(nums, target):',
  '    seen = {}',
  '    for i, x in enumerate(nums):',
  '        if target - x in seen:',
  '            return [seen[target - x], i]',
  '        seen[x] = i',
  '    return []',
);

export const JS_DUP_BRUTE = py(
  'function hasDuplicate(nums) {',
  '  for (let i = 0; i < nums.length; i++) {',
  '    for (let j = i + 1; j < nums.length; j++) {',
  '      if (nums[i] === nums[j]) return true;',
  '    }',
  '  }',
  '  return false;',
  '}',
);
// Renamed while it was rewritten: the old function is gone, a faster one with the same parameters came.
export const JS_DUP_SET = py(
  'function hasDuplicateFast(nums) {',
  '  const seen = new Set();',
  '  for (const x of nums) {',
  '    if (seen.has(x)) return true;',
  '    seen.add(x);',
  '  }',
  '  return false;',
  '}',
);

export const JAVA_BRUTE = py(
  'class Solution {',
  '    public int[] twoSum(int[] nums, int target) {',
  '        for (int i = 0; i < nums.length; i++) {',
  '            for (int j = i + 1; j < nums.length; j++) {',
  '                if (nums[i] + nums[j] == target) return new int[]{i, j};',
  '            }',
  '        }',
  '        return new int[0];',
  '    }',
  '}',
);
export const JAVA_HASH = py(
  'class Solution {',
  '    public int[] twoSum(int[] nums, int target) {',
  '        Map<Integer, Integer> index = new HashMap<>();',
  '        for (int i = 0; i < nums.length; i++) {',
  '            Integer j = index.get(target - nums[i]);',
  '            if (j != null) return new int[]{j, i};',
  '            index.put(nums[i], i);',
  '        }',
  '        return new int[0];',
  '    }',
  '}',
);

export const GO_BRUTE = py(
  'package main',
  '',
  'func twoSum(nums []int, target int) []int {',
  '\tfor i := 0; i < len(nums); i++ {',
  '\t\tfor j := i + 1; j < len(nums); j++ {',
  '\t\t\tif nums[i]+nums[j] == target {',
  '\t\t\t\treturn []int{i, j}',
  '\t\t\t}',
  '\t\t}',
  '\t}',
  '\treturn nil',
  '}',
);
export const GO_HASH = py(
  'package main',
  '',
  'func twoSum(nums []int, target int) []int {',
  '\tseen := make(map[int]int)',
  '\tfor i, x := range nums {',
  '\t\tif j, ok := seen[target-x]; ok {',
  '\t\t\treturn []int{j, i}',
  '\t\t}',
  '\t\tseen[x] = i',
  '\t}',
  '\treturn nil',
  '}',
);

// ---- recursion -------------------------------------------------------------------------------------

export const PY_ISLANDS = py(
  'def num_islands(grid):',
  '    count = 0',
  '    for r in range(len(grid)):',
  '        for c in range(len(grid[0])):',
  "            if grid[r][c] == '1':",
  '                sink(grid, r, c)',
  '                count += 1',
  '    return count',
  '',
  '',
  'def sink(grid, r, c):',
  "    if r < 0 or c < 0 or r >= len(grid) or c >= len(grid[0]) or grid[r][c] != '1':",
  '        return',
  "    grid[r][c] = '0'",
  '    sink(grid, r + 1, c)',
  '    sink(grid, r - 1, c)',
  '    sink(grid, r, c + 1)',
  '    sink(grid, r, c - 1)',
);

export const JS_DFS = py(
  'function reachable(graph, start) {',
  '  const seen = new Set();',
  '  visit(graph, start, seen);',
  '  return seen.size;',
  '}',
  '',
  'function visit(graph, node, seen) {',
  '  if (seen.has(node)) return;',
  '  seen.add(node);',
  '  for (const next of graph[node]) {',
  '    visit(graph, next, seen);',
  '  }',
  '}',
);

export const JAVA_DEPTH = py(
  'class Solution {',
  '    int maxDepth(TreeNode root) {',
  '        if (root == null) return 0;',
  '        int left = maxDepth(root.left);',
  '        int right = maxDepth(root.right);',
  '        return 1 + Math.max(left, right);',
  '    }',
  '}',
);

export const CPP_SUM = py(
  '#include <vector>',
  'using namespace std;',
  '',
  'int sumFrom(const vector<int>& xs, int i) {',
  '    if (i == (int)xs.size()) return 0;',
  '    return xs[i] + sumFrom(xs, i + 1);',
  '}',
);

// ---- a costly call inside a loop -----------------------------------------------------------------

export const JS_SPLICE_LOOP = py(
  'function removeAll(nums, val) {',
  '  for (let i = nums.length - 1; i >= 0; i--) {',
  '  }',
  '  return nums.length;',
  '}',
);
export const JS_SPLICE = py(
  'function removeAll(nums, val) {',
  '  for (let i = nums.length - 1; i >= 0; i--) {',
  '    if (nums[i] === val) {',
  '      nums.splice(i, 1);',
  '    }',
  '  }',
  '  return nums.length;',
  '}',
);

export const PY_IN_LIST = py(
  'def unique(items):',
  '    seen = []',
  '    for x in items:',
  '        if x not in seen:',
  '            seen.append(x)',
  '    return seen',
);

export const PY_INSERT0 = py(
  'def reversed_copy(xs):',
  '    out = []',
  '    for x in xs:',
  '        out.insert(0, x)',
  '    return out',
);

export const TS_SHIFT = py(
  'function bfsOrder(adj: number[][], start: number): number[] {',
  '  const order: number[] = [];',
  '  const queue: number[] = [start];',
  '  const seen = new Set<number>([start]);',
  '  while (queue.length > 0) {',
  '    const node = queue.shift()!;',
  '    order.push(node);',
  '    for (const next of adj[node]) {',
  '      if (!seen.has(next)) {',
  '        seen.add(next);',
  '        queue.push(next);',
  '      }',
  '    }',
  '  }',
  '  return order;',
  '}',
);

export const JAVA_CONCAT = py(
  'class Solution {',
  '    String joinAll(String[] words) {',
  '        String out = "";',
  '        for (String w : words) {',
  '            out += w;',
  '        }',
  '        return out;',
  '    }',
  '}',
);

export const JAVA_CONTAINS = py(
  'class Solution {',
  '    List<Integer> common(List<Integer> a, List<Integer> b) {',
  '        List<Integer> out = new ArrayList<>();',
  '        for (int x : a) {',
  '            if (b.contains(x)) out.add(x);',
  '        }',
  '        return out;',
  '    }',
  '}',
);

