// complexity: O(n^3)
// function: multiply
// split: round-6
// why: three nested loops over n.
function multiply(a: number[][], b: number[][]): number[][] {
  const n = a.length;
  const c: number[][] = Array.from({ length: n }, () => new Array(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let k = 0; k < n; k++) {
        sum += a[i][k] * b[k][j];
      }
      c[i][j] = sum;
    }
  }
  return c;
}
