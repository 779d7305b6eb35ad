// complexity: O(n log n)
// function: findKthLargest
// split: round-6
// why: n pushes into a max-heap then k pops, O(log n) each.
#include <queue>
#include <vector>
using namespace std;

int findKthLargest(vector<int>& nums, int k) {
    priority_queue<int> pq;
    for (int x : nums) pq.push(x);
    for (int i = 1; i < k; i++) pq.pop();
    return pq.top();
}
