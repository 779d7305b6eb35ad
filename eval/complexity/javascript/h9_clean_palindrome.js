// complexity: O(n)
// function: isPalindrome
// split: round-9
// why: lowercasing, filtering and reversing are each one pass.
function isPalindrome(s) {
  const clean = s.toLowerCase().replace(/[^a-z0-9]/g, '');
  return clean === clean.split('').reverse().join('');
}
