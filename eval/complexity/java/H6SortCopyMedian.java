// complexity: O(n log n)
// function: median
// split: round-6
// why: clone is O(n), Arrays.sort of the copy O(n log n).
import java.util.*;

class Solution {
    public double median(int[] nums) {
        int[] c = nums.clone();
        Arrays.sort(c);
        int n = c.length;
        return n % 2 == 1 ? c[n / 2] : (c[n / 2 - 1] + c[n / 2]) / 2.0;
    }
}
