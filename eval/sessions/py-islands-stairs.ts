import { mark, pause, rewrite, type, type SessionScript } from './script.ts';

// Number of islands with a recursive DFS nested in the counting function; then climbing stairs as
// plain recursion, rewritten with a memo once the candidate sees it repeats work.
export const pyIslandsStairs: SessionScript = {
  id: 'py-islands-stairs',
  language: 'python',
  seed: 71,
  title: 'Python: number of islands (recursive DFS), climbing stairs (recursion → memo)',
  steps: [
    pause(24),
    type('def num_islands(grid):\n    if not grid:\n        return 0\n    rows, cols = len(grid), len(grid[0])\n', { typos: 1 }),
    pause(10),
    type('\n    def dfs(r, c):\n        if r < 0 or c < 0 or r >= rows or c >= cols or grid[r][c] != "1":\n            return\n        grid[r][c] = "0"\n', { typos: 2 }),
    pause(8),
    type('        dfs(r + 1, c)\n        dfs(r - 1, c)\n        dfs(r, c + 1)\n        dfs(r, c - 1)\n\n', { typos: 1 }),
    type('    count = 0\n    for r in range(rows):\n        for c in range(cols):\n            if grid[r][c] == "1":\n                count += 1\n                dfs(r, c)\n    return count\n', { typos: 1 }),
    mark('num_islands with its recursive dfs is finished: ask the base case, the recursion depth, or the cost over the grid'),
    pause(38),
    pause(25), // reads the next problem
    type('\n\ndef climb(n):\n    if n <= 2:\n        return n\n    return climb(n - 1) + climb(n - 2)\n', { typos: 1 }),
    mark('climb recurses twice without a memo: ask how many calls climb(n) makes'),
    pause(30),
    ...rewrite({ from: 'def climb(n):', to: 'return climb(n - 1) + climb(n - 2)\n' },
      'def climb(n, memo=None):\n    if memo is None:\n        memo = {}\n    if n <= 2:\n        return n\n    if n not in memo:\n        memo[n] = climb(n - 1, memo) + climb(n - 2, memo)\n    return memo[n]\n', { typos: 2 }),
    mark('climb now keeps a memo: ask what the memo changes in time and memory'),
    pause(33),
    type('\n\ngrid = [\n    ["1", "1", "0", "0"],\n    ["1", "0", "0", "1"],\n    ["0", "0", "1", "1"],\n]\nprint(num_islands(grid))\nprint(climb(10))\n', { at: 'end', typos: 1 }),
    pause(26),
    type('print(climb(1), num_islands([]))\n', { at: 'end' }),
    mark('the small inputs are being tried: ask what climb(1) and an empty grid return and why'),
    pause(55),
  ],
  final: `def num_islands(grid):
    if not grid:
        return 0
    rows, cols = len(grid), len(grid[0])

    def dfs(r, c):
        if r < 0 or c < 0 or r >= rows or c >= cols or grid[r][c] != "1":
            return
        grid[r][c] = "0"
        dfs(r + 1, c)
        dfs(r - 1, c)
        dfs(r, c + 1)
        dfs(r, c - 1)

    count = 0
    for r in range(rows):
        for c in range(cols):
            if grid[r][c] == "1":
                count += 1
                dfs(r, c)
    return count


def climb(n, memo=None):
    if memo is None:
        memo = {}
    if n <= 2:
        return n
    if n not in memo:
        memo[n] = climb(n - 1, memo) + climb(n - 2, memo)
    return memo[n]


grid = [
    ["1", "1", "0", "0"],
    ["1", "0", "0", "1"],
    ["0", "0", "1", "1"],
]
print(num_islands(grid))
print(climb(10))
print(climb(1), num_islands([]))
`,
};
