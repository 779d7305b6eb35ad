// complexity: O(n)
// function: kthSmallest
// split: round-5
// why: iterative inorder walk: each node pushed and popped once at most.
interface TreeNode { val: number; left: TreeNode | null; right: TreeNode | null }

function kthSmallest(root: TreeNode | null, k: number): number {
  const stack: TreeNode[] = [];
  let node = root;
  while (node || stack.length) {
    while (node) {
      stack.push(node);
      node = node.left;
    }
    node = stack.pop()!;
    if (--k === 0) return node.val;
    node = node.right;
  }
  return -1;
}
