// complexity: O(n^2)
// function: maxRowSum
// split: round-7
// why: accumulate reads a whole row, once per row: every cell of the grid.
#include <algorithm>
#include <numeric>
#include <vector>
using namespace std;

int maxRowSum(const vector<vector<int>>& grid) {
    int best = 0;
    for (const auto& row : grid) {
        best = max(best, accumulate(row.begin(), row.end(), 0));
    }
    return best;
}
