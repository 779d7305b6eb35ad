// complexity: O(n^2)
// function: windows
// split: held-out
// why: n - k + 1 windows, each copied by substr in O(k), k <= n.
#include <string>
#include <vector>
using namespace std;

vector<string> windows(const string& s, int k) {
    vector<string> out;
    for (int i = 0; i + k <= (int)s.size(); i++) out.push_back(s.substr(i, k));
    return out;
}
