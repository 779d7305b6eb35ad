// complexity: O(n)
// function: longestConsecutive
// split: round-7
// why: the inner walk only starts at the first number of a run, so every number is stepped over once in all.
#include <algorithm>
#include <unordered_set>
#include <vector>
using namespace std;

int longestConsecutive(vector<int>& nums) {
    unordered_set<int> s(nums.begin(), nums.end());
    int best = 0;
    for (int x : s) {
        if (!s.count(x - 1)) {
            int y = x;
            while (s.count(y + 1)) y++;
            best = max(best, y - x + 1);
        }
    }
    return best;
}
