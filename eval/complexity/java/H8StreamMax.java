// complexity: O(n)
// function: maxValue
// split: round-8
// why: one stream pass.
import java.util.*;

class Solution {
    public int maxValue(List<Integer> nums) {
        return nums.stream().mapToInt(Integer::intValue).max().orElse(0);
    }
}
