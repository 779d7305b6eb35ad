// complexity: O(2^n)
// function: fib
// why: two recursive calls per level.
class Solution {
    public int fib(int n) {
        if (n < 2) return n;
        return fib(n - 1) + fib(n - 2);
    }
}
