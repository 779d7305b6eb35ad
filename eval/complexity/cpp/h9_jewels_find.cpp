// complexity: O(n^2)
// function: numJewelsInStones
// split: round-9
// why: jewels.find scans the jewels for every stone: O(n·m).
#include <string>
using namespace std;

int numJewelsInStones(const string& jewels, const string& stones) {
    int count = 0;
    for (char c : stones) {
        if (jewels.find(c) != string::npos) count++;
    }
    return count;
}
