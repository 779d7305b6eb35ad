// complexity: O(n)
// function: hasPairWithSum
// why: two pointers on a sorted array, each moving inward only.
#include <vector>
using namespace std;

bool hasPairWithSum(const vector<int>& a, int target) {
    int i = 0, j = (int)a.size() - 1;
    while (i < j) {
        int s = a[i] + a[j];
        if (s == target) return true;
        if (s < target) i++;
        else j--;
    }
    return false;
}
