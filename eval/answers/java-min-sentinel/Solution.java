class Solution {
    static int minElement(int[] nums) {
        int min = Integer.MAX_VALUE;
        for (int x : nums) {
            if (x < min) {
                min = x;
            }
        }
        return min;
    }
}
