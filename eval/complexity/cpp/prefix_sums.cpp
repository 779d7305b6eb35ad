// complexity: O(n)
// function: rangeSums
// why: prefix sums in one pass, then one pass of O(1) queries.
#include <utility>
#include <vector>
using namespace std;

vector<int> rangeSums(const vector<int>& a, const vector<pair<int, int>>& queries) {
    vector<int> prefix(a.size() + 1, 0);
    for (size_t i = 0; i < a.size(); i++) prefix[i + 1] = prefix[i] + a[i];
    vector<int> out;
    for (auto& q : queries) out.push_back(prefix[q.second + 1] - prefix[q.first]);
    return out;
}
