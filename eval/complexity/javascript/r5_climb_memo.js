// complexity: O(n)
// function: ways
// split: round-5
// why: the memo object makes each step count computed once.
function climbStairs(n) {
  const memo = {};
  function ways(i) {
    if (i <= 2) return i;
    if (memo[i] !== undefined) return memo[i];
    memo[i] = ways(i - 1) + ways(i - 2);
    return memo[i];
  }
  return ways(n);
}
