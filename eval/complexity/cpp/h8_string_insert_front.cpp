// complexity: O(n^2)
// function: reverseByFrontInsert
// split: round-8
// why: insert at position 0 moves every character already built, once per input character.
#include <string>
using namespace std;

string reverseByFrontInsert(const string& digits) {
    string out;
    for (char c : digits) {
        out.insert(0, 1, c);
    }
    return out;
}
