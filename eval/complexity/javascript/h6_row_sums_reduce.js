// complexity: O(n^2)
// function: gridTotal
// split: round-6
// why: reduce walks each row; once per row: every cell of the m-by-n grid.
function gridTotal(grid) {
  let total = 0;
  for (const row of grid) {
    total += row.reduce((a, b) => a + b, 0);
  }
  return total;
}
