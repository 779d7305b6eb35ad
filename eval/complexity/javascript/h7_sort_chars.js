// complexity: O(n log n)
// function: sortLetters
// split: round-7
// why: split and join are linear; the sort is n log n.
function sortLetters(s) {
  return s.split('').sort().join('');
}
