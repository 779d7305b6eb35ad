// complexity: O(n log n)
// function: findDuplicates
// split: round-2
// why: sort a copy, then one pass comparing neighbours.
function findDuplicates(nums) {
  const sorted = [...nums].sort((a, b) => a - b);
  const dups = [];
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i] === sorted[i - 1] && dups[dups.length - 1] !== sorted[i]) dups.push(sorted[i]);
  }
  return dups;
}
