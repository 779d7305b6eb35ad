// complexity: O(n)
// function: lettersOnly
// why: std::string += char is an amortised O(1) append.
#include <cctype>
#include <string>
using namespace std;

string lettersOnly(const string& s) {
    string out;
    for (char c : s) {
        if (isalpha(c)) out += c;
    }
    return out;
}
