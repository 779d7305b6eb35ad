// complexity: O(n log n)
// function: eraseOverlap
// split: round-11
// why: sort by end, then one greedy pass.
#include <algorithm>
#include <vector>
using namespace std;

int eraseOverlap(vector<vector<int>>& intervals) {
    sort(intervals.begin(), intervals.end(), [](const vector<int>& a, const vector<int>& b) { return a[1] < b[1]; });
    int removed = 0;
    int end = INT_MIN;
    for (auto& iv : intervals) {
        if (iv[0] >= end) end = iv[1];
        else removed++;
    }
    return removed;
}
