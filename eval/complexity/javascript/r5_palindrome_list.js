// complexity: O(n)
// function: isPalindromeList
// split: round-5
// why: copy the values into an array (one pass), then two pointers.
function isPalindromeList(head) {
  const vals = [];
  for (let node = head; node; node = node.next) vals.push(node.val);
  let i = 0;
  let j = vals.length - 1;
  while (i < j) {
    if (vals[i] !== vals[j]) return false;
    i++;
    j--;
  }
  return true;
}
