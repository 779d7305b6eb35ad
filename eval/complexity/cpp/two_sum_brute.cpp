// complexity: O(n^2)
// function: twoSum
// why: every pair is checked.
#include <vector>
using namespace std;

vector<int> twoSum(const vector<int>& nums, int target) {
    int n = nums.size();
    for (int i = 0; i < n; ++i) {
        for (int j = i + 1; j < n; ++j) {
            if (nums[i] + nums[j] == target) return {i, j};
        }
    }
    return {};
}
