// complexity: O(n^2)
// function: singles
// split: round-3
// why: std::count walks the whole vector for every element.
#include <algorithm>
#include <vector>
using namespace std;

vector<int> singles(const vector<int>& a) {
    vector<int> out;
    for (int x : a) {
        if (count(a.begin(), a.end(), x) == 1) out.push_back(x);
    }
    return out;
}
