// complexity: O(n)
// function: hasDuplicates
// split: round-6
// why: building the set is one pass; comparing sizes is O(1).
function hasDuplicates(arr) {
  return new Set(arr).size !== arr.length;
}
