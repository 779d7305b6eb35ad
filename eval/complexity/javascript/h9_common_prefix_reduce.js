// complexity: O(n^2)
// function: longestCommonPrefix
// split: round-9
// why: n words of length m: each startsWith check costs up to m, the prefix only shrinks: O(n·m) (n^2 by the n·m convention).
function longestCommonPrefix(strs) {
  if (strs.length === 0) return '';
  return strs.reduce((prefix, s) => {
    while (!s.startsWith(prefix)) prefix = prefix.slice(0, -1);
    return prefix;
  });
}
