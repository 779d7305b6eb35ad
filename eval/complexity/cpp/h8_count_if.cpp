// complexity: O(n)
// function: countEven
// split: round-8
// why: count_if reads the range once.
#include <algorithm>
#include <vector>
using namespace std;

int countEven(const vector<int>& v) {
    return count_if(v.begin(), v.end(), [](int x) { return x % 2 == 0; });
}
