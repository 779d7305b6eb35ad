// complexity: O(n)
// function: countWords
// split: held-out
// why: replace, trim and split are each one pass.
function countWords(s) {
  const t = s.replace(/\s+/g, ' ').trim();
  return t === '' ? 0 : t.split(' ').length;
}
