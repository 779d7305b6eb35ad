// complexity: O(n)
// function: hasPathSum
// split: round-4
// why: each node is visited at most once.
package main

type TreeNode struct {
	Val         int
	Left, Right *TreeNode
}

func hasPathSum(root *TreeNode, target int) bool {
	if root == nil {
		return false
	}
	if root.Left == nil && root.Right == nil {
		return root.Val == target
	}
	return hasPathSum(root.Left, target-root.Val) || hasPathSum(root.Right, target-root.Val)
}
