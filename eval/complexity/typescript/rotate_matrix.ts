// complexity: O(n^2)
// function: rotate
// why: transpose then reverse each row: every cell touched a constant number of times.
function rotate(matrix: number[][]): void {
  const n = matrix.length;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const tmp = matrix[i][j];
      matrix[i][j] = matrix[j][i];
      matrix[j][i] = tmp;
    }
  }
  for (const row of matrix) row.reverse();
}
