// complexity: O(n)
// function: lengthOfLongestSubstring
// why: sliding window; l only moves forward.
#include <string>
#include <vector>
using namespace std;

int lengthOfLongestSubstring(string s) {
    vector<int> count(256, 0);
    int l = 0, best = 0;
    for (int r = 0; r < (int)s.size(); r++) {
        count[s[r]]++;
        while (count[s[r]] > 1) {
            count[s[l]]--;
            l++;
        }
        best = max(best, r - l + 1);
    }
    return best;
}
