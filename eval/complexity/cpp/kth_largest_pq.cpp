// complexity: O(n log n)
// function: findKthLargest
// why: a min-heap of size k: n pushes/pops of O(log k).
#include <functional>
#include <queue>
#include <vector>
using namespace std;

int findKthLargest(vector<int>& nums, int k) {
    priority_queue<int, vector<int>, greater<int>> pq;
    for (int x : nums) {
        pq.push(x);
        if ((int)pq.size() > k) pq.pop();
    }
    return pq.top();
}
