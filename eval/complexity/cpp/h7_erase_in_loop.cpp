// complexity: O(n^2)
// function: removeZeros
// split: round-7
// why: vector::erase at i moves every element after it, once per removal.
#include <vector>
using namespace std;

void removeZeros(vector<int>& v) {
    for (size_t i = 0; i < v.size();) {
        if (v[i] == 0) v.erase(v.begin() + i);
        else i++;
    }
}
