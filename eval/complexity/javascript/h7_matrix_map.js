// complexity: O(n^2)
// function: scale
// split: round-7
// why: the inner map visits every cell of the m-by-n matrix.
function scale(matrix, k) {
  return matrix.map((row) => row.map((x) => x * k));
}
