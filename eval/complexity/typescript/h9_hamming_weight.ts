// complexity: O(log n)
// function: hammingWeight
// split: round-9
// why: the binary text of n has log n characters.
function hammingWeight(n: number): number {
  return n.toString(2).split('').filter((c) => c === '1').length;
}
