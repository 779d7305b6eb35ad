// complexity: O(n log n)
// function: countDistinct
// split: round-6
// why: std::sort then one unique pass and an erase of the tail.
#include <algorithm>
#include <vector>
using namespace std;

int countDistinct(vector<int> v) {
    sort(v.begin(), v.end());
    v.erase(unique(v.begin(), v.end()), v.end());
    return v.size();
}
