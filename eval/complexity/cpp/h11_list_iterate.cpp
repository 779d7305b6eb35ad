// complexity: O(n)
// function: sumList
// split: round-11
// why: one walk along the linked list.
#include <list>
using namespace std;

long long sumList(const list<int>& xs) {
    long long total = 0;
    for (auto it = xs.begin(); it != xs.end(); ++it) total += *it;
    return total;
}
