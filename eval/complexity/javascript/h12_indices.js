// complexity: O(n)
// function: indices
// split: held-out
// why: allocate, fill and map n items.
function indices(n) {
  return new Array(n).fill(null).map((_, i) => i);
}
