// complexity: O(n^2 log n)
// function: kthSmallest
// split: round-11
// why: the m-by-n matrix holds m·n values; sorting them is O(mn log mn), n^2 log n.
function kthSmallest(matrix: number[][], k: number): number {
  return matrix.flat().sort((a, b) => a - b)[k - 1];
}
