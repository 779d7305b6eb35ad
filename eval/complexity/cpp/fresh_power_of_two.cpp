// complexity: O(log n)
// function: isPowerOfTwo
// split: round-3
// why: n halves on every pass.
bool isPowerOfTwo(long long n) {
    if (n <= 0) return false;
    while (n % 2 == 0) n /= 2;
    return n == 1;
}
