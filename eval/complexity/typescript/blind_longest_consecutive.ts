// complexity: O(n)
// function: longestConsecutive
// split: round-4
// why: the inner while only runs from the start of a run, so every number is stepped over once in all.
function longestConsecutive(nums: number[]): number {
  const set = new Set(nums);
  let best = 0;
  for (const x of set) {
    if (set.has(x - 1)) continue;
    let y = x;
    while (set.has(y + 1)) y++;
    best = Math.max(best, y - x + 1);
  }
  return best;
}
