// complexity: O(n)
// function: largestNumberNaive
// split: round-8
// why: map and join are one pass each (digits are single characters).
function largestNumberNaive(digits: number[]): string {
  return digits.map(String).join('');
}
