// complexity: O(n)
// function: unique
// split: held-out
// why: building the set and spreading it back are each one pass.
function unique(arr) {
  return [...new Set(arr)];
}
