// complexity: O(n)
// function: countUnique
// split: round-6
// why: new Set(nums) inserts every element once; .size is O(1).
function countUnique(nums) {
  return new Set(nums).size;
}
