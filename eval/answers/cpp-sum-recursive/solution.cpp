#include <vector>

long long sumFrom(const std::vector<int>& v, size_t i) {
    if (i == v.size()) {
        return 0;
    }
    return v[i] + sumFrom(v, i + 1);
}
