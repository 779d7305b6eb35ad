// complexity: O(n)
// function: hasCycle
// why: Floyd: the fast pointer catches the slow one within a linear number of steps.
interface ListNode { val: number; next: ListNode | null }

function hasCycle(head: ListNode | null): boolean {
  let slow = head;
  let fast = head;
  while (fast !== null && fast.next !== null) {
    slow = slow!.next;
    fast = fast.next.next;
    if (slow === fast) return true;
  }
  return false;
}
