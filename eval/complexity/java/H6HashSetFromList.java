// complexity: O(n)
// function: containsDuplicate
// split: round-6
// why: new HashSet<>(list) inserts every element once.
import java.util.*;

class Solution {
    public boolean containsDuplicate(List<Integer> nums) {
        return new HashSet<>(nums).size() != nums.size();
    }
}
