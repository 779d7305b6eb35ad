// complexity: O(n^2)
// function: numIslands
// why: each of the m x n cells is scanned once and enqueued at most once.
function numIslands(grid) {
  const rows = grid.length;
  const cols = grid[0].length;
  let count = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (grid[r][c] !== '1') continue;
      count++;
      grid[r][c] = '0';
      const queue = [[r, c]];
      let head = 0;
      while (head < queue.length) {
        const [x, y] = queue[head++];
        for (const [dx, dy] of [[1, 0], [-1, 0], [0, 1], [0, -1]]) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx >= 0 && ny >= 0 && nx < rows && ny < cols && grid[nx][ny] === '1') {
            grid[nx][ny] = '0';
            queue.push([nx, ny]);
          }
        }
      }
    }
  }
  return count;
}
