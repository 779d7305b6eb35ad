// complexity: O(n^2)
// function: majority
// split: round-8
// why: Collections.frequency scans the list for every element.
import java.util.*;

class Solution {
    public int majority(List<Integer> nums) {
        for (int x : nums) {
            if (Collections.frequency(nums, x) > nums.size() / 2) return x;
        }
        return -1;
    }
}
