// complexity: O(n)
// function: averageAboveMax
// split: round-6
// why: accumulate and max_element each walk the vector once.
#include <algorithm>
#include <numeric>
#include <vector>
using namespace std;

double averageAboveMax(const vector<int>& v) {
    if (v.empty()) return 0;
    long long total = accumulate(v.begin(), v.end(), 0LL);
    int best = *max_element(v.begin(), v.end());
    return (double)total / v.size() - best;
}
