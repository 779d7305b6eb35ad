// complexity: O(n log n)
// function: kthLargest
// split: round-7
// why: a min-heap kept at size k: n pushes and pops at O(log k), k <= n.
#include <functional>
#include <queue>
#include <vector>
using namespace std;

int kthLargest(const vector<int>& nums, int k) {
    priority_queue<int, vector<int>, greater<int>> pq;
    for (int x : nums) {
        pq.push(x);
        if ((int)pq.size() > k) pq.pop();
    }
    return pq.top();
}
