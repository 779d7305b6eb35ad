// complexity: O(n)
// function: removeElement
// split: round-5
// why: a write index trails a single read pass.
#include <vector>
using namespace std;

int removeElement(vector<int>& nums, int val) {
    int k = 0;
    for (int x : nums) {
        if (x != val) nums[k++] = x;
    }
    return k;
}
