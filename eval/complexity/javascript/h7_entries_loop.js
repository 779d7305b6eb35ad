// complexity: O(n)
// function: mostFrequent
// split: round-7
// why: one counting pass, then one pass over the distinct entries.
function mostFrequent(words) {
  const count = {};
  for (const w of words) count[w] = (count[w] || 0) + 1;
  let best = null;
  let bestCount = 0;
  for (const [w, c] of Object.entries(count)) {
    if (c > bestCount) {
      best = w;
      bestCount = c;
    }
  }
  return best;
}
