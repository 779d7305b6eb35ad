// complexity: O(2^n)
// function: fib
// why: two calls per level, nothing cached.
int fib(int n) {
    if (n <= 1) return n;
    return fib(n - 1) + fib(n - 2);
}
