// complexity: O(n)
// function: reversed
// split: round-8
// why: deque::push_front is O(1); one pass plus the copy out.
#include <deque>
#include <vector>
using namespace std;

vector<int> reversed(const vector<int>& v) {
    deque<int> d;
    for (int x : v) d.push_front(x);
    return vector<int>(d.begin(), d.end());
}
