// complexity: O(n)
// function: topoSort
// split: round-3
// why: Kahn's algorithm: every vertex queued once, every edge relaxed once: O(V + E).
#include <queue>
#include <vector>
using namespace std;

vector<int> topoSort(int n, const vector<vector<int>>& adj) {
    vector<int> indeg(n, 0);
    for (int u = 0; u < n; u++)
        for (int v : adj[u]) indeg[v]++;
    queue<int> q;
    for (int u = 0; u < n; u++)
        if (indeg[u] == 0) q.push(u);
    vector<int> order;
    while (!q.empty()) {
        int u = q.front();
        q.pop();
        order.push_back(u);
        for (int v : adj[u]) {
            if (--indeg[v] == 0) q.push(v);
        }
    }
    return order;
}
