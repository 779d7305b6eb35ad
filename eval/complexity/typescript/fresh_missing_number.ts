// complexity: O(n)
// function: missingNumber
// split: round-3
// why: the reduce is one pass; the formula is O(1).
function missingNumber(nums: number[]): number {
  const n = nums.length;
  const expected = (n * (n + 1)) / 2;
  const actual = nums.reduce((sum, x) => sum + x, 0);
  return expected - actual;
}
