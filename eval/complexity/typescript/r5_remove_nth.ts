// complexity: O(n)
// function: removeNthFromEnd
// split: round-5
// why: the fast pointer runs ahead n steps, then both walk to the end once.
interface ListNode { val: number; next: ListNode | null }

function removeNthFromEnd(head: ListNode | null, n: number): ListNode | null {
  const dummy: ListNode = { val: 0, next: head };
  let fast: ListNode | null = dummy;
  let slow: ListNode = dummy;
  for (let i = 0; i <= n; i++) fast = fast!.next;
  while (fast) {
    fast = fast.next;
    slow = slow.next!;
  }
  slow.next = slow.next!.next;
  return dummy.next;
}
