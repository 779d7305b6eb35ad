// complexity: O(n log n)
// function: kthSmallest
// split: round-6
// why: copies then sorts the copy.
function kthSmallest(nums, k) {
  const sorted = [...nums].sort((a, b) => a - b);
  return sorted[k - 1];
}
