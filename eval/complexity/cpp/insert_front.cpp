// complexity: O(n^2)
// function: reversedCopy
// why: inserting at the front of a vector shifts every element, n times.
#include <vector>
using namespace std;

vector<int> reversedCopy(const vector<int>& a) {
    vector<int> out;
    for (int x : a) out.insert(out.begin(), x);
    return out;
}
