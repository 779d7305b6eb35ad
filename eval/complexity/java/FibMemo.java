// complexity: O(n)
// function: compute
// why: each memo slot is filled once.
class Solution {
    private long[] memo;

    public long fib(int n) {
        memo = new long[n + 1];
        return compute(n, memo);
    }

    private long compute(int n, long[] memo) {
        if (n < 2) return n;
        if (memo[n] != 0) return memo[n];
        memo[n] = compute(n - 1, memo) + compute(n - 2, memo);
        return memo[n];
    }
}
