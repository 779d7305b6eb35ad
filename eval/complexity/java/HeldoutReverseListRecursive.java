// complexity: O(n)
// function: reverseList
// split: round-2
// why: one call per node.
class ListNode {
    int val;
    ListNode next;
}

class Solution {
    public ListNode reverseList(ListNode head) {
        if (head == null || head.next == null) return head;
        ListNode rest = reverseList(head.next);
        head.next.next = head;
        head.next = null;
        return rest;
    }
}
