// complexity: O(2^n)
// function: climbStairs
// split: round-5
// why: two recursive calls per step, nothing cached.
class Solution {
    public int climbStairs(int n) {
        if (n <= 2) return n;
        return climbStairs(n - 1) + climbStairs(n - 2);
    }
}
