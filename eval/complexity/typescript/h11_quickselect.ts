// complexity: O(n)
// function: quickselect
// split: round-11
// why: expected O(n): each partition pass is linear and recursion continues into one side only (n + n/2 + ...).
function quickselect(a: number[], k: number, lo = 0, hi = a.length - 1): number {
  if (lo === hi) return a[lo];
  const pivot = a[hi];
  let store = lo;
  for (let i = lo; i < hi; i++) {
    if (a[i] < pivot) {
      [a[i], a[store]] = [a[store], a[i]];
      store++;
    }
  }
  [a[store], a[hi]] = [a[hi], a[store]];
  if (k === store) return a[store];
  return k < store ? quickselect(a, k, lo, store - 1) : quickselect(a, k, store + 1, hi);
}
