// complexity: O(n log n)
// function: sortedCounts
// split: round-8
// why: n inserts into a std::map at O(log n) each, then one in-order pass.
#include <map>
#include <vector>
using namespace std;

vector<pair<int, int>> sortedCounts(const vector<int>& nums) {
    map<int, int> counts;
    for (int x : nums) counts[x]++;
    vector<pair<int, int>> out;
    for (auto& [k, v] : counts) out.push_back({k, v});
    return out;
}
