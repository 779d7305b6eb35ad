// complexity: O(n)
// function: countBits
// split: round-11
// why: __builtin_popcount is a constant-time instruction; one call per i.
#include <vector>
using namespace std;

vector<int> countBits(int n) {
    vector<int> out;
    for (int i = 0; i <= n; i++) out.push_back(__builtin_popcount(i));
    return out;
}
