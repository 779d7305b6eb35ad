// complexity: O(n)
// function: reverseList
// why: one pass re-pointing each node.
interface ListNode { val: number; next: ListNode | null }

function reverseList(head: ListNode | null): ListNode | null {
  let prev: ListNode | null = null;
  let cur = head;
  while (cur) {
    const next = cur.next;
    cur.next = prev;
    prev = cur;
    cur = next;
  }
  return prev;
}
