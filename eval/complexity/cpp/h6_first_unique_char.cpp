// complexity: O(n)
// function: firstUniqChar
// split: round-6
// why: two passes over the string; unordered_map operations are O(1) expected.
#include <string>
#include <unordered_map>
using namespace std;

int firstUniqChar(string s) {
    unordered_map<char, int> freq;
    for (char c : s) freq[c]++;
    for (int i = 0; i < (int)s.size(); i++) {
        if (freq[s[i]] == 1) return i;
    }
    return -1;
}
