// complexity: O(n)
// function: countWords
// split: round-10
// why: replace, trim and split are each one pass.
function countWords(s) {
  const t = s.replace(/\s+/g, ' ').trim();
  return t === '' ? 0 : t.split(' ').length;
}
