// complexity: O(n)
// function: clone
// split: round-5
// why: the map makes each node cloned once and each edge followed once: O(V + E).
#include <unordered_map>
#include <vector>
using namespace std;

struct Node {
    int val;
    vector<Node*> neighbors;
    Node(int v) : val(v) {}
};

Node* clone(Node* node, unordered_map<Node*, Node*>& copies) {
    if (!node) return nullptr;
    if (copies.count(node)) return copies[node];
    Node* copy = new Node(node->val);
    copies[node] = copy;
    for (Node* nb : node->neighbors) copy->neighbors.push_back(clone(nb, copies));
    return copy;
}
