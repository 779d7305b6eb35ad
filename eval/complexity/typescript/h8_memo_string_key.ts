// complexity: O(n^2)
// function: uniquePaths
// split: round-8
// why: memoised over (r, c): m·n states, each computed once.
function uniquePaths(m: number, n: number): number {
  const memo = new Map<string, number>();
  const go = (r: number, c: number): number => {
    if (r === m - 1 || c === n - 1) return 1;
    const key = `${r},${c}`;
    if (memo.has(key)) return memo.get(key)!;
    const v = go(r + 1, c) + go(r, c + 1);
    memo.set(key, v);
    return v;
  };
  return go(0, 0);
}
