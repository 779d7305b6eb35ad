// complexity: O(n^2)
// function: solve
// split: round-2
// why: memoised over (i, j) pairs: m x n states, O(1) each.
#include <string>
#include <vector>
using namespace std;

int solve(const string& a, const string& b, int i, int j, vector<vector<int>>& memo) {
    if (i == (int)a.size() || j == (int)b.size()) return 0;
    if (memo[i][j] != -1) return memo[i][j];
    if (a[i] == b[j]) return memo[i][j] = 1 + solve(a, b, i + 1, j + 1, memo);
    return memo[i][j] = max(solve(a, b, i + 1, j, memo), solve(a, b, i, j + 1, memo));
}
