// complexity: O(n)
// function: sumPositive
// split: round-6
// why: one stream pass: filter then sum.
import java.util.*;

class Solution {
    public int sumPositive(int[] nums) {
        return Arrays.stream(nums).filter(x -> x > 0).sum();
    }
}
