// complexity: O(n)
// function: climb
// why: memo table: each step count is computed once.
function climbStairs(n: number): number {
  const memo: number[] = new Array(n + 1).fill(-1);
  function climb(i: number): number {
    if (i <= 1) return 1;
    if (memo[i] !== -1) return memo[i];
    memo[i] = climb(i - 1) + climb(i - 2);
    return memo[i];
  }
  return climb(n);
}
