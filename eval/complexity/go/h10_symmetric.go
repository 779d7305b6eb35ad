// complexity: O(n)
// function: isSymmetric
// split: round-10
// why: the mirror helper visits each node once.
package main

type TreeNode struct {
	Val         int
	Left, Right *TreeNode
}

func mirror(a, b *TreeNode) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Val == b.Val && mirror(a.Left, b.Right) && mirror(a.Right, b.Left)
}

func isSymmetric(root *TreeNode) bool {
	return root == nil || mirror(root.Left, root.Right)
}
