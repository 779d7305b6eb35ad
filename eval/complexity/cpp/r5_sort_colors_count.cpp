// complexity: O(n)
// function: sortColors
// split: round-5
// why: count the three colours, then rewrite: two passes.
#include <vector>
using namespace std;

void sortColors(vector<int>& nums) {
    int count[3] = {0, 0, 0};
    for (int x : nums) count[x]++;
    int k = 0;
    for (int c = 0; c < 3; c++) {
        for (int i = 0; i < count[c]; i++) nums[k++] = c;
    }
}
