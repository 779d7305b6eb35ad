// complexity: O(n)
// function: maxFrequency
// split: round-7
// why: one counting pass; Collections.max reads the values once.
import java.util.*;

class Solution {
    public int maxFrequency(int[] nums) {
        Map<Integer, Integer> count = new HashMap<>();
        for (int x : nums) count.put(x, count.getOrDefault(x, 0) + 1);
        return Collections.max(count.values());
    }
}
