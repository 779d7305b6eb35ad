// complexity: O(n)
// function: isValid
// why: one pass; push, pop and object lookups are O(1).
var isValid = function (s) {
  const match = { ')': '(', ']': '[', '}': '{' };
  const stack = [];
  for (const ch of s) {
    if (ch === '(' || ch === '[' || ch === '{') {
      stack.push(ch);
    } else if (stack.pop() !== match[ch]) {
      return false;
    }
  }
  return stack.length === 0;
};
