#include <vector>

int lastElement(const std::vector<int>& v) {
    if (v.empty()) {
        return -1;
    }
    return v[v.size() - 1];
}
