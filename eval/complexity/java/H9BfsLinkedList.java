// complexity: O(n^2)
// function: shortestPath
// split: round-9
// why: BFS over the m-by-n grid: each cell enters the queue once; LinkedList poll is O(1).
import java.util.*;

class Solution {
    public int shortestPath(int[][] grid) {
        int m = grid.length, n = grid[0].length;
        boolean[][] seen = new boolean[m][n];
        Queue<int[]> q = new LinkedList<>();
        q.offer(new int[]{0, 0, 0});
        seen[0][0] = true;
        int[][] dirs = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
        while (!q.isEmpty()) {
            int[] cur = q.poll();
            if (cur[0] == m - 1 && cur[1] == n - 1) return cur[2];
            for (int[] d : dirs) {
                int r = cur[0] + d[0], c = cur[1] + d[1];
                if (r >= 0 && c >= 0 && r < m && c < n && grid[r][c] == 0 && !seen[r][c]) {
                    seen[r][c] = true;
                    q.offer(new int[]{r, c, cur[2] + 1});
                }
            }
        }
        return -1;
    }
}
