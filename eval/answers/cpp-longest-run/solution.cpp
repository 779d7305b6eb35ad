#include <vector>
using namespace std;

int longestRun(const vector<int>& v) {
    int best = 1;
    int cur = 1;
    for (size_t i = 1; i < v.size(); i++) {
        if (v[i] == v[i - 1]) {
            cur++;
        } else {
            cur = 1;
        }
        if (cur > best) {
            best = cur;
        }
    }
    return best;
}
