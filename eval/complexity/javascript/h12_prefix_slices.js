// complexity: O(n^2)
// function: prefixSums
// split: held-out
// why: for each index the prefix is copied and summed again.
function prefixSums(arr) {
  return arr.map((_, i) => arr.slice(0, i + 1).reduce((a, b) => a + b, 0));
}
