// complexity: O(n^2)
// function: isBalanced
// split: round-10
// why: height walks the whole subtree and is called at every node: O(n^2) in the worst case (a path).
interface TreeNode { val: number; left: TreeNode | null; right: TreeNode | null }

function height(node: TreeNode | null): number {
  if (!node) return 0;
  return 1 + Math.max(height(node.left), height(node.right));
}

function isBalanced(root: TreeNode | null): boolean {
  if (!root) return true;
  if (Math.abs(height(root.left) - height(root.right)) > 1) return false;
  return isBalanced(root.left) && isBalanced(root.right);
}
