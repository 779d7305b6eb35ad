// complexity: O(n)
// function: evenSquares
// split: held-out
// why: filter then map: two passes over the array.
function evenSquares(nums) {
  return nums.filter((x) => x % 2 === 0).map((x) => x * x);
}
