// complexity: O(n log n)
// function: wordCount
// split: round-4
// why: std::map operator[] is O(log n) per word.
#include <map>
#include <string>
#include <vector>
using namespace std;

map<string, int> wordCount(const vector<string>& words) {
    map<string, int> counts;
    for (const string& w : words) {
        counts[w]++;
    }
    return counts;
}
