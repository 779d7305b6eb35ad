// complexity: O(n^2)
// function: countOccurrences
// split: round-7
// why: each find scans from pos for the pattern, O(n·m) over the text in the worst case.
#include <string>
using namespace std;

int countOccurrences(const string& s, const string& t) {
    int count = 0;
    size_t pos = s.find(t);
    while (pos != string::npos) {
        count++;
        pos = s.find(t, pos + 1);
    }
    return count;
}
