// complexity: O(n^2)
// function: removeElement
// why: splice shifts the tail of the array each time it removes.
function removeElement(nums, val) {
  for (let i = nums.length - 1; i >= 0; i--) {
    if (nums[i] === val) {
      nums.splice(i, 1);
    }
  }
  return nums.length;
}
