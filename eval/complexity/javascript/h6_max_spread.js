// complexity: O(n)
// function: spread
// split: round-6
// why: Math.max(...arr) and Math.min(...arr) each read the whole array once.
function spread(arr) {
  if (arr.length === 0) return 0;
  return Math.max(...arr) - Math.min(...arr);
}
