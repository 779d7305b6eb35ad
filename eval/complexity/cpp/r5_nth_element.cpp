// complexity: O(n)
// function: kClosest
// split: round-5
// why: nth_element partitions in linear time on average.
#include <algorithm>
#include <vector>
using namespace std;

vector<vector<int>> kClosest(vector<vector<int>>& points, int k) {
    nth_element(points.begin(), points.begin() + k, points.end(), [](const vector<int>& a, const vector<int>& b) {
        return a[0] * a[0] + a[1] * a[1] < b[0] * b[0] + b[1] * b[1];
    });
    return vector<vector<int>>(points.begin(), points.begin() + k);
}
