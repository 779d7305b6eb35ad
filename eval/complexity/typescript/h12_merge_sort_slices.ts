// complexity: O(n log n)
// function: mergeSort
// split: held-out
// why: halves copied and merged on each of log n levels: O(n) per level.
function merge(a: number[], b: number[]): number[] {
  const out: number[] = [];
  let i = 0, j = 0;
  while (i < a.length && j < b.length) out.push(a[i] <= b[j] ? a[i++] : b[j++]);
  return out.concat(a.slice(i), b.slice(j));
}

function mergeSort(a: number[]): number[] {
  if (a.length < 2) return a;
  const mid = a.length >> 1;
  return merge(mergeSort(a.slice(0, mid)), mergeSort(a.slice(mid)));
}
