// complexity: O(log n)
// function: isPalindrome
// split: round-9
// why: the decimal text of x has log x digits.
#include <algorithm>
#include <string>
using namespace std;

bool isPalindrome(int x) {
    if (x < 0) return false;
    string s = to_string(x);
    string r = s;
    reverse(r.begin(), r.end());
    return r == s;
}
