#include <vector>
#include <utility>

int partition(std::vector<int>& a, int lo, int hi) {
    int pivot = a[hi];
    int i = lo;
    for (int j = lo; j < hi; j++) {
        if (a[j] < pivot) {
            std::swap(a[i], a[j]);
            i++;
        }
    }
    std::swap(a[i], a[hi]);
    return i;
}

int kthSmallest(std::vector<int>& a, int lo, int hi, int k) {
    int p = partition(a, lo, hi);
    if (p == k) return a[p];
    if (p < k) return kthSmallest(a, p + 1, hi, k);
    return kthSmallest(a, lo, p - 1, k);
}
