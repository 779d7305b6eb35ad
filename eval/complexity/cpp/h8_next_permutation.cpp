// complexity: O(2^n)
// function: countValidOrders
// split: round-8
// why: next_permutation walks all n! orderings (factorial counts as the exponential class).
#include <algorithm>
#include <vector>
using namespace std;

int countValidOrders(vector<int> v) {
    sort(v.begin(), v.end());
    int count = 0;
    do {
        bool ok = true;
        for (size_t i = 1; i < v.size(); i++) {
            if (v[i] == v[i - 1] + 1) { ok = false; break; }
        }
        if (ok) count++;
    } while (next_permutation(v.begin(), v.end()));
    return count;
}
