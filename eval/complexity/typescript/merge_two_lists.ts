// complexity: O(n)
// function: mergeTwoLists
// why: each node of either list is taken once: O(n + m).
interface ListNode { val: number; next: ListNode | null }

function mergeTwoLists(a: ListNode | null, b: ListNode | null): ListNode | null {
  const dummy: ListNode = { val: 0, next: null };
  let tail = dummy;
  while (a && b) {
    if (a.val <= b.val) {
      tail.next = a;
      a = a.next;
    } else {
      tail.next = b;
      b = b.next;
    }
    tail = tail.next;
  }
  tail.next = a ?? b;
  return dummy.next;
}
