// complexity: O(n)
// function: removeAt
// split: round-7
// why: one splice moves the elements after index i.
function removeAt(nums: number[], i: number): number[] {
  const copy = nums.slice();
  copy.splice(i, 1);
  return copy;
}
