// complexity: O(n^2)
// function: countOccurrences
// split: round-4
// why: substr copies k characters at each of n starts: O(n * k).
#include <string>
using namespace std;

int countOccurrences(const string& s, const string& t) {
    int k = t.size(), count = 0;
    for (int i = 0; i + k <= (int)s.size(); i++) {
        if (s.substr(i, k) == t) count++;
    }
    return count;
}
