// complexity: O(n)
// function: bar
// split: round-10
// why: the string constructor writes n characters.
#include <string>
using namespace std;

string bar(int n) {
    string s(n, '#');
    return "[" + s + "]";
}
