// complexity: O(n^2 log n)
// function: sortedSuffixes
// split: round-7
// why: n suffixes copied (O(n^2)), then sorted with n log n comparisons of up to n characters each.
#include <algorithm>
#include <string>
#include <vector>
using namespace std;

vector<string> sortedSuffixes(const string& s) {
    vector<string> out;
    for (size_t i = 0; i < s.size(); i++) out.push_back(s.substr(i));
    sort(out.begin(), out.end());
    return out;
}
