// complexity: O(n)
// function: maxProfit
// why: one pass with a minimum initialised to INT_MAX.
#include <algorithm>
#include <climits>
#include <vector>
using namespace std;

int maxProfit(vector<int>& prices) {
    int lowest = INT_MAX, best = 0;
    for (int p : prices) {
        lowest = min(lowest, p);
        best = max(best, p - lowest);
    }
    return best;
}
