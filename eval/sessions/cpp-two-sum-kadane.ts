import { mark, pause, rewrite, type, type SessionScript } from './script.ts';

// Two sum as a double loop, rewritten with an unordered_map; then maximum subarray (Kadane) with a
// best-so-far initialised to INT_MIN; then a main.
export const cppTwoSumKadane: SessionScript = {
  id: 'cpp-two-sum-kadane',
  language: 'cpp',
  seed: 67,
  title: 'C++: two sum (double loop → unordered_map), maximum subarray (INT_MIN sentinel)',
  steps: [
    pause(20),
    type('#include <climits>\n#include <iostream>\n#include <unordered_map>\n#include <vector>\nusing namespace std;\n\n', { typos: 1 }),
    pause(7),
    type('vector<int> twoSum(const vector<int>& nums, int target) {\n    for (size_t i = 0; i < nums.size(); i++) {\n        for (size_t j = i + 1; j < nums.size(); j++) {\n', { typos: 2 }),
    pause(10),
    type('            if (nums[i] + nums[j] == target) {\n                return {(int)i, (int)j};\n            }\n        }\n    }\n    return {};\n}\n', { typos: 1 }),
    mark('the double loop is finished and the candidate stops: ask its time complexity'),
    pause(30),
    ...rewrite({ from: '    for (size_t i = 0; i < nums.size(); i++) {', to: '            }\n        }\n    }\n' },
      '    unordered_map<int, int> index;\n    for (int i = 0; i < (int)nums.size(); i++) {\n        auto it = index.find(target - nums[i]);\n        if (it != index.end()) {\n            return {it->second, i};\n        }\n        index[nums[i]] = i;\n    }\n', { typos: 2 }),
    mark('twoSum now uses an unordered_map: ask what it costs and buys compared with the double loop'),
    pause(34),
    type('\nint maxSubArray(const vector<int>& nums) {\n    int best = INT_MIN;\n    int cur = 0;\n    for (int x : nums) {\n        cur = max(x, cur + x);\n', { at: 'end', typos: 1 }),
    pause(9),
    type('        best = max(best, cur);\n    }\n    return best;\n}\n'),
    mark('maxSubArray is finished: ask why best starts at INT_MIN and what an empty vector returns'),
    pause(32),
    type('\nint main() {\n    vector<int> nums = {2, 7, 11, 15};\n    vector<int> r = twoSum(nums, 9);\n    cout << r[0] << " " << r[1] << endl;\n    cout << maxSubArray({-2, 1, -3, 4, -1, 2, 1, -5, 4}) << endl;\n    return 0;\n}\n', { typos: 2 }),
    pause(25),
    type('    cout << maxSubArray({-3, -1, -2}) << endl;\n', { at: { before: '    return 0;' } }),
    mark('an all-negative input is being tried: ask what cur and best hold after each element'),
    pause(30),
  ],
  final: `#include <climits>
#include <iostream>
#include <unordered_map>
#include <vector>
using namespace std;

vector<int> twoSum(const vector<int>& nums, int target) {
    unordered_map<int, int> index;
    for (int i = 0; i < (int)nums.size(); i++) {
        auto it = index.find(target - nums[i]);
        if (it != index.end()) {
            return {it->second, i};
        }
        index[nums[i]] = i;
    }
    return {};
}

int maxSubArray(const vector<int>& nums) {
    int best = INT_MIN;
    int cur = 0;
    for (int x : nums) {
        cur = max(x, cur + x);
        best = max(best, cur);
    }
    return best;
}

int main() {
    vector<int> nums = {2, 7, 11, 15};
    vector<int> r = twoSum(nums, 9);
    cout << r[0] << " " << r[1] << endl;
    cout << maxSubArray({-2, 1, -3, 4, -1, 2, 1, -5, 4}) << endl;
    cout << maxSubArray({-3, -1, -2}) << endl;
    return 0;
}
`,
};
