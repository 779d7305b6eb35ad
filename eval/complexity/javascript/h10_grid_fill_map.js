// complexity: O(n^2)
// function: makeGrid
// split: round-10
// why: n rows, each filled with n zeros.
function makeGrid(n) {
  return Array(n).fill(0).map(() => Array(n).fill(0));
}
