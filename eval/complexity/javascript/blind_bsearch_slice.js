// complexity: O(n)
// function: contains
// split: round-4
// why: log n calls, but each slices half of what it got: n/2 + n/4 + ... = O(n) copying.
function contains(sorted, x) {
  if (sorted.length === 0) return false;
  const mid = Math.floor(sorted.length / 2);
  if (sorted[mid] === x) return true;
  return sorted[mid] < x ? contains(sorted.slice(mid + 1), x) : contains(sorted.slice(0, mid), x);
}
