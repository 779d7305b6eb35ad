// complexity: O(n)
// function: countBits
// split: round-9
// why: one pass; res[i >> 1] was already computed.
#include <vector>
using namespace std;

vector<int> countBits(int n) {
    vector<int> res(n + 1, 0);
    for (int i = 1; i <= n; i++) {
        res[i] = res[i >> 1] + (i & 1);
    }
    return res;
}
