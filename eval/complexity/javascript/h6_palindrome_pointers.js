// complexity: O(n)
// function: isPalindrome
// split: round-6
// why: two pointers move toward each other; the inner skips only advance them, so n steps in total.
function isPalindrome(s) {
  let left = 0;
  let right = s.length - 1;
  const ok = (c) => /[a-z0-9]/i.test(c);
  while (left < right) {
    while (left < right && !ok(s[left])) left++;
    while (left < right && !ok(s[right])) right--;
    if (s[left].toLowerCase() !== s[right].toLowerCase()) return false;
    left++;
    right--;
  }
  return true;
}
