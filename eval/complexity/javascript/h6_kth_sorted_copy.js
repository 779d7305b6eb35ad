// complexity: O(n log n)
// function: kthSmallest
// split: held-out
// why: copies then sorts the copy.
function kthSmallest(nums, k) {
  const sorted = [...nums].sort((a, b) => a - b);
  return sorted[k - 1];
}
