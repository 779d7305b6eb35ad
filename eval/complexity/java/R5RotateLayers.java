// complexity: O(n^2)
// function: rotate
// split: round-5
// why: every cell of the n x n matrix is moved once.
class Solution {
    public void rotate(int[][] m) {
        int n = m.length;
        for (int layer = 0; layer < n / 2; layer++) {
            int first = layer, last = n - 1 - layer;
            for (int i = first; i < last; i++) {
                int offset = i - first;
                int top = m[first][i];
                m[first][i] = m[last - offset][first];
                m[last - offset][first] = m[last][last - offset];
                m[last][last - offset] = m[i][last];
                m[i][last] = top;
            }
        }
    }
}
