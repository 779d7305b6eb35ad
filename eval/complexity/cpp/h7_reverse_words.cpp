// complexity: O(n)
// function: reverseString
// split: round-7
// why: std::reverse swaps pairs from both ends: n/2 swaps.
#include <algorithm>
#include <string>
using namespace std;

string reverseString(string s) {
    reverse(s.begin(), s.end());
    return s;
}
