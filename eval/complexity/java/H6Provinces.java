// complexity: O(n^2)
// function: findCircleNum
// split: round-6
// why: every cell of the n-by-n matrix is read once; union-find operations are near-constant.
class Solution {
    private int[] parent;

    private int find(int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    public int findCircleNum(int[][] isConnected) {
        int n = isConnected.length;
        parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        int groups = n;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (isConnected[i][j] == 1) {
                    int a = find(i), b = find(j);
                    if (a != b) {
                        parent[a] = b;
                        groups--;
                    }
                }
            }
        }
        return groups;
    }
}
