// complexity: O(n)
// function: middleNode
// split: round-6
// why: the fast pointer moves two nodes per step, so n/2 steps.
interface ListNode { val: number; next: ListNode | null }

function middleNode(head: ListNode | null): ListNode | null {
  let slow = head;
  let fast = head;
  while (fast !== null && fast.next !== null) {
    slow = slow!.next;
    fast = fast.next.next;
  }
  return slow;
}
