// complexity: O(n^2)
// function: firstSingle
// split: round-6
// why: std::count scans the whole vector for every element.
#include <algorithm>
#include <vector>
using namespace std;

int firstSingle(const vector<int>& v) {
    for (int x : v) {
        if (count(v.begin(), v.end(), x) == 1) return x;
    }
    return -1;
}
