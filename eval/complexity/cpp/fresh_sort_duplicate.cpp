// complexity: O(n log n)
// function: containsDuplicate
// split: round-3
// why: sort, then compare neighbours once.
#include <algorithm>
#include <vector>
using namespace std;

bool containsDuplicate(vector<int>& nums) {
    sort(nums.begin(), nums.end());
    for (size_t i = 1; i < nums.size(); i++) {
        if (nums[i] == nums[i - 1]) return true;
    }
    return false;
}
