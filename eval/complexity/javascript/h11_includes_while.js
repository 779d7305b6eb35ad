// complexity: O(n^2)
// function: firstMissingPositive
// split: round-11
// why: includes scans the array for every candidate, and up to n + 1 candidates are tried.
function firstMissingPositive(nums) {
  let i = 1;
  while (nums.includes(i)) i++;
  return i;
}
