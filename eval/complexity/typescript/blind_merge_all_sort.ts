// complexity: O(n log n)
// function: mergeAll
// split: round-4
// why: collect every value (n in total), then sort once.
function mergeAll(lists: number[][]): number[] {
  const all: number[] = [];
  for (const list of lists) {
    for (const x of list) all.push(x);
  }
  return all.sort((a, b) => a - b);
}
