// complexity: O(n)
// function: sumAndCount
// why: two loops in sequence, not nested.
function sumAndCount(nums) {
  let total = 0;
  for (let i = 0; i < nums.length; i++) {
    total += nums[i];
  }
  let positives = 0;
  for (const x of nums) {
    if (x > 0) positives++;
  }
  return [total, positives];
}
