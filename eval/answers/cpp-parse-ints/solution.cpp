#include <string>
#include <vector>
#include <stdexcept>

std::vector<int> parseInts(const std::vector<std::string>& parts) {
    std::vector<int> out;
    for (const auto& p : parts) {
        try {
            out.push_back(std::stoi(p));
        } catch (const std::invalid_argument&) {
            continue;
        }
    }
    return out;
}
