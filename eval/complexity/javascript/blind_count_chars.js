// complexity: O(n)
// function: countChars
// split: round-4
// why: one pass with O(1) object updates.
function countChars(str) {
  const counts = {};
  for (const ch of str) {
    counts[ch] = (counts[ch] || 0) + 1;
  }
  return counts;
}
