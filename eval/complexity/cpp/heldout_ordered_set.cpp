// complexity: O(n log n)
// function: countDistinct
// split: round-2
// why: std::set keeps a balanced tree: each insert is O(log n).
#include <set>
#include <vector>
using namespace std;

int countDistinct(const vector<int>& nums) {
    set<int> s;
    for (int x : nums) s.insert(x);
    return s.size();
}
