// complexity: O(n)
// function: containsDuplicate
// split: round-5
// why: the stream's distinct() keeps a hash set: one pass.
import java.util.Arrays;

class Solution {
    public boolean containsDuplicate(int[] nums) {
        return Arrays.stream(nums).distinct().count() < nums.length;
    }
}
