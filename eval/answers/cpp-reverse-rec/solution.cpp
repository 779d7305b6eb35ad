#include <string>

std::string reverseStr(const std::string& s) {
    if (s.size() <= 1) return s;
    return reverseStr(s.substr(1)) + s[0];
}
