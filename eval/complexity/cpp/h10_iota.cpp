// complexity: O(n)
// function: identity
// split: round-10
// why: iota fills n values once.
#include <numeric>
#include <vector>
using namespace std;

vector<int> identity(int n) {
    vector<int> v(n);
    iota(v.begin(), v.end(), 0);
    return v;
}
