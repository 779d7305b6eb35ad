// complexity: O(log n)
// function: searchMatrix
// split: round-5
// why: one binary search over the m * n cells: log(m n).
function searchMatrix(matrix: number[][], target: number): boolean {
  const cols = matrix[0].length;
  let lo = 0;
  let hi = matrix.length * cols - 1;
  while (lo <= hi) {
    const mid = Math.floor((lo + hi) / 2);
    const v = matrix[Math.floor(mid / cols)][mid % cols];
    if (v === target) return true;
    if (v < target) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
