// complexity: O(n)
// function: containsNearbyDuplicate
// split: round-3
// why: one pass with HashMap lookups.
import java.util.HashMap;
import java.util.Map;

class Solution {
    public boolean containsNearbyDuplicate(int[] nums, int k) {
        Map<Integer, Integer> last = new HashMap<>();
        for (int i = 0; i < nums.length; i++) {
            Integer prev = last.get(nums[i]);
            if (prev != null && i - prev <= k) return true;
            last.put(nums[i], i);
        }
        return false;
    }
}
