// complexity: O(n)
// function: maxSubArray
// split: round-6
// why: one pass keeping the best sum ending here.
function maxSubArray(nums: number[]): number {
  let best = nums[0];
  let cur = nums[0];
  for (let i = 1; i < nums.length; i++) {
    cur = Math.max(nums[i], cur + nums[i]);
    best = Math.max(best, cur);
  }
  return best;
}
