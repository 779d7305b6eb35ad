// complexity: O(n)
// function: countUnique
// split: held-out
// why: new Set(nums) inserts every element once; .size is O(1).
function countUnique(nums) {
  return new Set(nums).size;
}
