// complexity: O(n)
// function: closestToZero
// split: round-7
// why: map is one pass, Math.min over the spread one more.
function closestToZero(nums: number[]): number {
  return Math.min(...nums.map((x) => Math.abs(x)));
}
