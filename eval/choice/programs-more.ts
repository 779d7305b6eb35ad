// More programs of the labelled typed sessions (sessions.ts): sentinels, structure choices, running values.
import { py } from './programs.ts';

// ---- a sentinel or initial value -----------------------------------------------------------------

export const JAVA_MIN_LEN = py(
  'class Solution {',
  '    public int minSubArrayLen(int target, int[] nums) {',
  '        int best = Integer.MAX_VALUE;',
  '        int left = 0, sum = 0;',
  '        for (int right = 0; right < nums.length; right++) {',
  '            sum += nums[right];',
  '            while (sum >= target) {',
  '                best = Math.min(best, right - left + 1);',
  '                sum -= nums[left++];',
  '            }',
  '        }',
  '        return best == Integer.MAX_VALUE ? 0 : best;',
  '    }',
  '}',
);

export const PY_MIN_PRICE = py(
  'def max_profit(prices):',
  "    lowest = float('inf')",
  '    profit = 0',
  '    for p in prices:',
  '        if p < lowest:',
  '            lowest = p',
  '        elif p - lowest > profit:',
  '            profit = p - lowest',
  '    return profit',
);

export const GO_MIN = py(
  'package main',
  '',
  'import "math"',
  '',
  'func minOf(nums []int) int {',
  '\tsmallest := math.MaxInt',
  '\tfor _, x := range nums {',
  '\t\tif x < smallest {',
  '\t\t\tsmallest = x',
  '\t\t}',
  '\t}',
  '\treturn smallest',
  '}',
);

export const CPP_MIN = py(
  '#include <vector>',
  '#include <climits>',
  'using namespace std;',
  '',
  'int closest(const vector<int>& xs, int t) {',
  '    int bestDiff = INT_MAX;',
  '    int best = 0;',
  '    for (int x : xs) {',
  '        int d = abs(x - t);',
  '        if (d < bestDiff) {',
  '            bestDiff = d;',
  '            best = x;',
  '        }',
  '    }',
  '    return best;',
  '}',
);

export const JS_MAX = py(
  'function largestGap(nums) {',
  '  let widest = -Infinity;',
  '  for (let i = 1; i < nums.length; i++) {',
  '    widest = Math.max(widest, nums[i] - nums[i - 1]);',
  '  }',
  '  return widest;',
  '}',
);

export const TS_FIRST = py(
  'function maxOf(nums: number[]): number {',
  '  let best = nums[0];',
  '  for (const x of nums) {',
  '    if (x > best) best = x;',
  '  }',
  '  return best;',
  '}',
);

// ---- a data-structure choice, written straight away -----------------------------------------------

export const PY_DUP_SET = py(
  'def contains_duplicate(nums):',
  '    seen = set()',
  '    for x in nums:',
  '        if x in seen:',
  '            return True',
  '        seen.add(x)',
  '    return False',
);

// ---- issue 7, round 2: running values, prefix tables, a string rebuilt around itself, the middle of
// an empty input, a copy per pass rewritten in place --------------------------------------------

export const PY_PRODUCT = py(
  'def product_except_self(nums):',
  '    n = len(nums)',
  '    out = [1] * n',
  '    prefix = 1',
  '    for i in range(n):',
  '        out[i] = prefix',
  '        prefix *= nums[i]',
  '    suffix = 1',
  '    for i in range(n - 1, -1, -1):',
  '        out[i] *= suffix',
  '        suffix *= nums[i]',
  '    return out',
);
export const CPP_PREFIX = py(
  '#include <vector>',
  'std::vector<long long> prefixSums(const std::vector<int>& nums) {',
  '    std::vector<long long> prefix(nums.size() + 1, 0);',
  '    for (size_t i = 0; i < nums.size(); i++) {',
  '        prefix[i + 1] = prefix[i] + nums[i];',
  '    }',
  '    return prefix;',
  '}',
);
export const CPP_REVERSE_WORDS = py(
  '#include <sstream>',
  '#include <string>',
  'std::string reverseWords(const std::string& s) {',
  '    std::istringstream in(s);',
  '    std::string word;',
  '    std::string result;',
  '    while (in >> word) {',
  '        result = result.empty() ? word : word + " " + result;',
  '    }',
  '    return result;',
  '}',
);
export const TS_MEDIAN = py(
  'function median(nums: number[]): number {',
  '  const sorted = [...nums].sort((a, b) => a - b);',
  '  const mid = Math.floor(sorted.length / 2);',
  '  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;',
  '}',
);
export const TS_MERGE_COPY = py(
  'function merge(intervals: number[][]): number[][] {',
  '  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);',
  '  let out: number[][] = [];',
  '  for (const [start, end] of sorted) {',
  '    const last = out[out.length - 1];',
  '    if (last && start <= last[1]) {',
  '      out = [...out.slice(0, -1), [last[0], Math.max(last[1], end)]];',
  '    } else {',
  '      out = [...out, [start, end]];',
  '    }',
  '  }',
  '  return out;',
  '}',
);
export const TS_MERGE_IN_PLACE = TS_MERGE_COPY.replace('let out', 'const out')
  .replace('out = [...out.slice(0, -1), [last[0], Math.max(last[1], end)]];', 'last[1] = Math.max(last[1], end);')
  .replace('out = [...out, [start, end]];', 'out.push([start, end]);');

