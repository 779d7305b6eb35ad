// complexity: O(n log n)
// function: canAttendMeetings
// why: sort dominates the linear scan.
#include <algorithm>
#include <vector>
using namespace std;

bool canAttendMeetings(vector<vector<int>>& intervals) {
    sort(intervals.begin(), intervals.end());
    for (size_t i = 1; i < intervals.size(); i++) {
        if (intervals[i][0] < intervals[i - 1][1]) return false;
    }
    return true;
}
