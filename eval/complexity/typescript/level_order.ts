// complexity: O(n)
// function: levelOrder
// why: every node is put in exactly one level and visited once.
interface TreeNode { val: number; left: TreeNode | null; right: TreeNode | null }

function levelOrder(root: TreeNode | null): number[][] {
  const result: number[][] = [];
  if (!root) return result;
  let level: TreeNode[] = [root];
  while (level.length > 0) {
    const next: TreeNode[] = [];
    const values: number[] = [];
    for (const node of level) {
      values.push(node.val);
      if (node.left) next.push(node.left);
      if (node.right) next.push(node.right);
    }
    result.push(values);
    level = next;
  }
  return result;
}
