// complexity: O(log n)
// function: lowerBound
// why: half-open range halves each step.
#include <vector>
using namespace std;

int lowerBound(const vector<int>& a, int x) {
    int lo = 0, hi = a.size();
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (a[mid] < x) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}
