// complexity: O(n^2)
// function: flatten
// split: held-out
// why: each row is appended in full: every cell of the grid.
#include <vector>
using namespace std;

vector<int> flatten(const vector<vector<int>>& grid) {
    vector<int> out;
    for (const auto& row : grid) {
        out.insert(out.end(), row.begin(), row.end());
    }
    return out;
}
