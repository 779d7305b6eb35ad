// complexity: O(n^2)
// function: countInversions
// split: round-4
// why: every pair (i, j) with i < j is compared.
function countInversions(a: number[]): number {
  let count = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = i + 1; j < a.length; j++) {
      if (a[i] > a[j]) count++;
    }
  }
  return count;
}
