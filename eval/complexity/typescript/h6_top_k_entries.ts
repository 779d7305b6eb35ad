// complexity: O(n log n)
// function: topKFrequent
// split: round-6
// why: counting is one pass; sorting the distinct entries by count is O(n log n).
function topKFrequent(nums: number[], k: number): number[] {
  const count: Record<number, number> = {};
  for (const x of nums) count[x] = (count[x] ?? 0) + 1;
  return Object.entries(count)
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .map(([v]) => Number(v));
}
