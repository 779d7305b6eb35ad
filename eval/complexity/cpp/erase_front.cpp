// complexity: O(n^2)
// function: drain
// why: erasing the first element of a vector shifts the rest, n times.
#include <vector>
using namespace std;

long long drain(vector<int> v) {
    long long total = 0;
    while (!v.empty()) {
        total += v.front();
        v.erase(v.begin());
    }
    return total;
}
