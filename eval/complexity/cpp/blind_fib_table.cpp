// complexity: O(n)
// function: fib
// split: round-4
// why: a bottom-up table filled once.
#include <vector>
using namespace std;

long long fib(int n) {
    if (n < 2) return n;
    vector<long long> dp(n + 1);
    dp[0] = 0;
    dp[1] = 1;
    for (int i = 2; i <= n; i++) dp[i] = dp[i - 1] + dp[i - 2];
    return dp[n];
}
