// complexity: O(n^2)
// function: countSubarrays
// split: round-11
// why: every start, every end: n(n+1)/2 running sums.
class Solution {
    public int countSubarrays(int[] nums, int k) {
        int count = 0;
        for (int i = 0; i < nums.length; i++) {
            int sum = 0;
            for (int j = i; j < nums.length; j++) {
                sum += nums[j];
                if (sum == k) count++;
            }
        }
        return count;
    }
}
