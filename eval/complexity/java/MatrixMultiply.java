// complexity: O(n^3)
// function: multiply
// why: three nested loops over n.
class Solution {
    public int[][] multiply(int[][] a, int[][] b) {
        int n = a.length, m = b[0].length, k = b.length;
        int[][] c = new int[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                for (int t = 0; t < k; t++) {
                    c[i][j] += a[i][t] * b[t][j];
                }
            }
        }
        return c;
    }
}
