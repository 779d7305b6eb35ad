// complexity: O(n^2)
// function: hasPairWithSum
// split: round-6
// why: for each element (some) includes scans the whole array.
function hasPairWithSum(nums, target) {
  return nums.some((x, i) => nums.includes(target - x) && nums.indexOf(target - x) !== i);
}
