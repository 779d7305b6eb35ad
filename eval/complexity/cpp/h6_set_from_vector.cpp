// complexity: O(n log n)
// function: distinctCount
// split: round-6
// why: std::set built from the range inserts n values, O(log n) each.
#include <set>
#include <vector>
using namespace std;

int distinctCount(const vector<int>& v) {
    set<int> s(v.begin(), v.end());
    return s.size();
}
