// complexity: O(n^2)
// function: dedupe
// why: std::find scans the output vector each pass.
#include <algorithm>
#include <vector>
using namespace std;

vector<int> dedupe(const vector<int>& nums) {
    vector<int> out;
    for (int x : nums) {
        if (find(out.begin(), out.end(), x) == out.end()) out.push_back(x);
    }
    return out;
}
