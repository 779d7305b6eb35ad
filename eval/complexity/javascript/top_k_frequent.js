// complexity: O(n log n)
// function: topKFrequent
// why: counting is O(n); sorting the distinct values is O(n log n).
function topKFrequent(nums, k) {
  const count = new Map();
  for (const x of nums) count.set(x, (count.get(x) || 0) + 1);
  return [...count.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .map(([x]) => x);
}
