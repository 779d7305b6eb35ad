// complexity: O(n^2 log n)
// function: groupAnagrams
// why: std::sort on each word in the loop: O(n * m log m).
#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>
using namespace std;

vector<vector<string>> groupAnagrams(vector<string>& strs) {
    unordered_map<string, vector<string>> groups;
    for (const string& s : strs) {
        string key = s;
        sort(key.begin(), key.end());
        groups[key].push_back(s);
    }
    vector<vector<string>> out;
    for (auto& kv : groups) out.push_back(kv.second);
    return out;
}
