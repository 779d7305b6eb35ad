// complexity: O(n)
// function: average
// split: held-out
// why: a single reduce over the array.
function average(nums) {
  if (nums.length === 0) return 0;
  return nums.reduce((acc, x) => acc + x, 0) / nums.length;
}
