// complexity: O(n log n)
// function: splitArray
// split: round-7
// why: binary search over the sum range (log S probes), each a pass over nums: O(n log S).
class Solution {
    public int splitArray(int[] nums, int k) {
        long lo = 0, hi = 0;
        for (int x : nums) {
            lo = Math.max(lo, x);
            hi += x;
        }
        while (lo < hi) {
            long mid = lo + (hi - lo) / 2;
            int parts = 1;
            long cur = 0;
            for (int x : nums) {
                if (cur + x > mid) {
                    parts++;
                    cur = 0;
                }
                cur += x;
            }
            if (parts <= k) hi = mid;
            else lo = mid + 1;
        }
        return (int) lo;
    }
}
