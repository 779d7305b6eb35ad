// complexity: O(n)
// function: singleNumber
// split: round-9
// why: one XOR pass.
#include <vector>
using namespace std;

int singleNumber(const vector<int>& nums) {
    int r = 0;
    for (int x : nums) r ^= x;
    return r;
}
