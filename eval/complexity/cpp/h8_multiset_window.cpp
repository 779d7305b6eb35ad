// complexity: O(n log n)
// function: windowMaxes
// split: round-8
// why: each step inserts into and erases from a multiset (balanced tree): O(log k) each, k <= n.
#include <set>
#include <vector>
using namespace std;

vector<int> windowMaxes(const vector<int>& nums, int k) {
    multiset<int> window;
    vector<int> out;
    for (int i = 0; i < (int)nums.size(); i++) {
        window.insert(nums[i]);
        if (i >= k) window.erase(window.find(nums[i - k]));
        if (i >= k - 1) out.push_back(*window.rbegin());
    }
    return out;
}
