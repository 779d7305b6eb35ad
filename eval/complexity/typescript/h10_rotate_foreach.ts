// complexity: O(n^2)
// function: rotate
// split: round-10
// why: transposing touches every cell, and reversing each row touches every cell again.
function rotate(matrix: number[][]): void {
  const n = matrix.length;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      [matrix[i][j], matrix[j][i]] = [matrix[j][i], matrix[i][j]];
    }
  }
  matrix.forEach((row) => row.reverse());
}
