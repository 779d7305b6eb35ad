// complexity: O(n)
// function: findDisappearedNumbers
// split: round-6
// why: cyclic sort: every swap puts one value in its final place, so at most n swaps in total.
function findDisappearedNumbers(nums) {
  let i = 0;
  while (i < nums.length) {
    const j = nums[i] - 1;
    if (nums[i] !== nums[j]) {
      [nums[i], nums[j]] = [nums[j], nums[i]];
    } else {
      i++;
    }
  }
  const missing = [];
  for (let k = 0; k < nums.length; k++) {
    if (nums[k] !== k + 1) missing.push(k + 1);
  }
  return missing;
}
