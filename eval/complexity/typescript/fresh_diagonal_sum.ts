// complexity: O(n)
// function: diagonalSum
// split: round-3
// why: one loop over the n rows of an n x n matrix, two cells each.
function diagonalSum(mat: number[][]): number {
  const n = mat.length;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += mat[i][i];
    if (i !== n - 1 - i) sum += mat[i][n - 1 - i];
  }
  return sum;
}
