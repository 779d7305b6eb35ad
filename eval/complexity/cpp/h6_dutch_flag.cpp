// complexity: O(n)
// function: sortColors
// split: round-6
// why: each step either moves mid forward or hi backward, so at most n steps.
#include <utility>
#include <vector>
using namespace std;

void sortColors(vector<int>& nums) {
    int lo = 0, mid = 0, hi = (int)nums.size() - 1;
    while (mid <= hi) {
        if (nums[mid] == 0) {
            swap(nums[lo++], nums[mid++]);
        } else if (nums[mid] == 1) {
            mid++;
        } else {
            swap(nums[mid], nums[hi--]);
        }
    }
}
