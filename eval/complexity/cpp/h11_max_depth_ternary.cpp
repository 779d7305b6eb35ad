// complexity: O(n)
// function: maxDepth
// split: round-11
// why: one call per node.
#include <algorithm>
using namespace std;

struct TreeNode { int val; TreeNode* left; TreeNode* right; };

int maxDepth(TreeNode* r) {
    return r ? 1 + max(maxDepth(r->left), maxDepth(r->right)) : 0;
}
