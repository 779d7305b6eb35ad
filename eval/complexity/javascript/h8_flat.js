// complexity: O(n)
// function: flattenOnce
// split: round-8
// why: flat copies every item of the nested arrays once (n is the total number of items).
function flattenOnce(arrays) {
  return arrays.flat();
}
