// complexity: O(n^2)
// function: knapsack
// why: items x capacity iterations: O(n * W).
#include <algorithm>
#include <vector>
using namespace std;

int knapsack(const vector<int>& wt, const vector<int>& val, int W) {
    vector<int> dp(W + 1, 0);
    for (size_t i = 0; i < wt.size(); i++) {
        for (int w = W; w >= wt[i]; w--) {
            dp[w] = max(dp[w], dp[w - wt[i]] + val[i]);
        }
    }
    return dp[W];
}
