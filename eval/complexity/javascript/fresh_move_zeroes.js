// complexity: O(n)
// function: moveZeroes
// split: round-3
// why: a write pointer trails the read loop; one pass plus a fill.
function moveZeroes(nums) {
  let write = 0;
  for (let read = 0; read < nums.length; read++) {
    if (nums[read] !== 0) nums[write++] = nums[read];
  }
  while (write < nums.length) nums[write++] = 0;
  return nums;
}
