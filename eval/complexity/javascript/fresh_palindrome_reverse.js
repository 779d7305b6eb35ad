// complexity: O(n)
// function: isPalindrome
// split: round-3
// why: clean, reverse and compare: a constant number of linear passes.
function isPalindrome(str) {
  const clean = str.toLowerCase().replace(/[^a-z0-9]/g, '');
  return clean === clean.split('').reverse().join('');
}
