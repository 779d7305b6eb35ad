// complexity: O(2^n)
// function: backtrack
// why: include/exclude each element: 2^n leaves.
#include <vector>
using namespace std;

void backtrack(const vector<int>& nums, int i, vector<int>& cur, vector<vector<int>>& out) {
    if (i == (int)nums.size()) {
        out.push_back(cur);
        return;
    }
    cur.push_back(nums[i]);
    backtrack(nums, i + 1, cur, out);
    cur.pop_back();
    backtrack(nums, i + 1, cur, out);
}
