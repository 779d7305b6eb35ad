// complexity: O(n)
// function: majorityElement
// split: round-3
// why: Boyer-Moore voting, one pass.
function majorityElement(nums) {
  let candidate = null;
  let count = 0;
  for (const x of nums) {
    if (count === 0) candidate = x;
    count += x === candidate ? 1 : -1;
  }
  return candidate;
}
