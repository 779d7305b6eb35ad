// complexity: O(n^2)
// function: transpose
// split: round-7
// why: every cell above the diagonal is swapped once: n(n-1)/2.
#include <utility>
#include <vector>
using namespace std;

void transpose(vector<vector<int>>& m) {
    int n = m.size();
    for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
            swap(m[i][j], m[j][i]);
        }
    }
}
