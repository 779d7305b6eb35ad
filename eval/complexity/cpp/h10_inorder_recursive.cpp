// complexity: O(n)
// function: inorder
// split: held-out
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
