// complexity: O(n)
// function: unique
// split: round-8
// why: building the set and spreading it back are each one pass.
function unique(arr) {
  return [...new Set(arr)];
}
