#include <string>

int countVowels(const std::string& s) {
    int count = 0;
    for (char c : s) {
        if (std::string("aeiouAEIOU").find(c) != std::string::npos) {
            count++;
        }
    }
    return count;
}
