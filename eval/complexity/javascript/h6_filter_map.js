// complexity: O(n)
// function: evenSquares
// split: round-6
// why: filter then map: two passes over the array.
function evenSquares(nums) {
  return nums.filter((x) => x % 2 === 0).map((x) => x * x);
}
