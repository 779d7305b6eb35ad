// complexity: O(n^2)
// function: uniquePaths
// split: round-3
// why: an m x n table (rolled into one row), every cell once.
#include <vector>
using namespace std;

int uniquePaths(int m, int n) {
    vector<int> row(n, 1);
    for (int i = 1; i < m; i++) {
        for (int j = 1; j < n; j++) {
            row[j] += row[j - 1];
        }
    }
    return row[n - 1];
}
