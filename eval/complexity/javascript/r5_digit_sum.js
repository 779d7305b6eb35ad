// complexity: O(log n)
// function: digitSum
// split: round-5
// why: one call per decimal digit of n.
function digitSum(n) {
  if (n < 10) return n;
  return (n % 10) + digitSum(Math.floor(n / 10));
}
