#include <string>

bool isAnagram(const std::string& a, const std::string& b) {
    if (a.size() != b.size()) return false;
    int counts[26] = {0};
    for (size_t i = 0; i < a.size(); i++) {
        counts[a[i] - 'a']++;
        counts[b[i] - 'a']--;
    }
    for (int c : counts) {
        if (c != 0) return false;
    }
    return true;
}
