// complexity: O(n)
// function: isPalindrome
// split: round-6
// why: building the reversed copy and comparing are both linear.
#include <string>
using namespace std;

bool isPalindrome(const string& s) {
    string r(s.rbegin(), s.rend());
    return r == s;
}
