// complexity: O(n)
// function: average
// split: round-4
// why: a single reduce over the array.
function average(nums) {
  if (nums.length === 0) return 0;
  return nums.reduce((acc, x) => acc + x, 0) / nums.length;
}
