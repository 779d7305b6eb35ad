// complexity: O(n)
// function: inorder
// split: round-10
// why: one call per node.
#include <vector>
using namespace std;

struct TreeNode { int val; TreeNode* left; TreeNode* right; };

void inorder(TreeNode* root, vector<int>& out) {
    if (!root) return;
    inorder(root->left, out);
    out.push_back(root->val);
    inorder(root->right, out);
}
