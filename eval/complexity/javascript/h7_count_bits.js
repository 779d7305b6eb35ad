// complexity: O(log n)
// function: countSetBits
// split: round-7
// why: each pass clears the lowest set bit; at most the number of bits of n passes.
function countSetBits(n) {
  let count = 0;
  while (n > 0) {
    n &= n - 1;
    count++;
  }
  return count;
}
