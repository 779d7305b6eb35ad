// complexity: O(n)
// function: diameterOfBinaryTree
// split: round-8
// why: the depth helper visits each node once.
interface TreeNode { val: number; left: TreeNode | null; right: TreeNode | null }

function diameterOfBinaryTree(root: TreeNode | null): number {
  let best = 0;
  const depth = (node: TreeNode | null): number => {
    if (!node) return 0;
    const l = depth(node.left);
    const r = depth(node.right);
    best = Math.max(best, l + r);
    return 1 + Math.max(l, r);
  };
  depth(root);
  return best;
}
