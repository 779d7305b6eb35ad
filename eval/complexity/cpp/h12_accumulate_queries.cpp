// complexity: O(n^2)
// function: rangeTotals
// split: held-out
// why: accumulate over the whole vector for every query.
#include <numeric>
#include <vector>
using namespace std;

vector<long long> rangeTotals(const vector<int>& v, const vector<int>& queries) {
    vector<long long> out;
    for (int q : queries) {
        out.push_back(accumulate(v.begin(), v.end(), 0LL) * q);
    }
    return out;
}
