import java.util.Arrays;

class Solution {
    static int[] countingSort(int[] nums) {
        if (nums.length == 0) return nums;
        int max = Arrays.stream(nums).max().getAsInt();
        int[] counts = new int[max + 1];
        for (int x : nums) {
            counts[x]++;
        }
        int[] out = new int[nums.length];
        int k = 0;
        for (int v = 0; v <= max; v++) {
            for (int c = 0; c < counts[v]; c++) {
                out[k++] = v;
            }
        }
        return out;
    }
}
