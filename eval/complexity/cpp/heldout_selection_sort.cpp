// complexity: O(n^2)
// function: selectionSort
// split: round-2
// why: for each position, scan the rest for the minimum.
#include <utility>
#include <vector>
using namespace std;

void selectionSort(vector<int>& a) {
    for (size_t i = 0; i + 1 < a.size(); i++) {
        size_t best = i;
        for (size_t j = i + 1; j < a.size(); j++) {
            if (a[j] < a[best]) best = j;
        }
        swap(a[i], a[best]);
    }
}
