// complexity: O(n)
// function: reverseString
// why: two pointers meet in the middle.
function reverseString(s) {
  let i = 0;
  let j = s.length - 1;
  while (i < j) {
    const t = s[i];
    s[i] = s[j];
    s[j] = t;
    i++;
    j--;
  }
  return s;
}
