// complexity: O(n log n)
// function: sortedUnique
// split: held-out
// why: n inserts into a std::set at O(log n), then one in-order walk.
#include <set>
#include <vector>
using namespace std;

vector<int> sortedUnique(const vector<int>& v) {
    set<int> s;
    for (int x : v) s.insert(x);
    vector<int> out;
    for (int x : s) out.push_back(x);
    return out;
}
