// complexity: O(n^2)
// function: generate
// split: round-2
// why: row i has i + 1 entries: 1 + 2 + ... + n.
function generate(numRows: number): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i < numRows; i++) {
    const row = new Array<number>(i + 1).fill(1);
    for (let j = 1; j < i; j++) {
      row[j] = rows[i - 1][j - 1] + rows[i - 1][j];
    }
    rows.push(row);
  }
  return rows;
}
