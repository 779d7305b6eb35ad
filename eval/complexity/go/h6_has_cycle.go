// complexity: O(n)
// function: hasCycle
// split: round-6
// why: Floyd's fast and slow pointers meet within a number of steps linear in the list length.
package main

type ListNode struct {
	Val  int
	Next *ListNode
}

func hasCycle(head *ListNode) bool {
	slow, fast := head, head
	for fast != nil && fast.Next != nil {
		slow = slow.Next
		fast = fast.Next.Next
		if slow == fast {
			return true
		}
	}
	return false
}
