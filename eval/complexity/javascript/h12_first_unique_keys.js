// complexity: O(n)
// function: firstUnique
// split: held-out
// why: one counting pass; keys and find walk the distinct characters once.
function firstUnique(s) {
  const freq = {};
  for (const ch of s) freq[ch] = (freq[ch] || 0) + 1;
  return Object.keys(freq).find((k) => freq[k] === 1);
}
