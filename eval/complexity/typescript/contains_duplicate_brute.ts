// complexity: O(n^2)
// function: containsDuplicate
// why: compares every pair.
function containsDuplicate(nums: number[]): boolean {
  for (let i = 0; i < nums.length; i++) {
    for (let j = 0; j < i; j++) {
      if (nums[i] === nums[j]) return true;
    }
  }
  return false;
}
