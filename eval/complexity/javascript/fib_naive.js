// complexity: O(2^n)
// function: fib
// why: two recursive calls per level without memoisation.
function fib(n) {
  if (n <= 1) return n;
  return fib(n - 1) + fib(n - 2);
}
