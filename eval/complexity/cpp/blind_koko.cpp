// complexity: O(n log n)
// function: minEatingSpeed
// split: round-4
// why: binary search over speeds (log of the largest pile), each trial summing over n piles.
#include <algorithm>
#include <vector>
using namespace std;

int minEatingSpeed(vector<int>& piles, int h) {
    int lo = 1, hi = *max_element(piles.begin(), piles.end());
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        long long hours = 0;
        for (int p : piles) hours += (p + mid - 1) / mid;
        if (hours <= h) hi = mid;
        else lo = mid + 1;
    }
    return lo;
}
