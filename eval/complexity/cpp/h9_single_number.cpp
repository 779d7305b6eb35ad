// complexity: O(n)
// function: singleNumber
// split: held-out
// why: one XOR pass.
#include <vector>
using namespace std;

int singleNumber(const vector<int>& nums) {
    int r = 0;
    for (int x : nums) r ^= x;
    return r;
}
