// complexity: O(n^2)
// function: rotate
// why: k unshifts, each moving all n elements: O(n*k), k up to n.
function rotate(nums, k) {
  k = k % nums.length;
  for (let i = 0; i < k; i++) {
    nums.unshift(nums.pop());
  }
  return nums;
}
