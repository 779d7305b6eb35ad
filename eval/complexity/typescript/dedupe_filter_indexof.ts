// complexity: O(n^2)
// function: dedupe
// why: indexOf scans from the start for every element filter visits.
function dedupe<T>(items: T[]): T[] {
  return items.filter((x, i) => items.indexOf(x) === i);
}
