// complexity: O(n)
// function: reversedCopy
// split: held-out
// why: copy then Collections.reverse: two passes.
import java.util.*;

class Solution {
    public List<Integer> reversedCopy(List<Integer> nums) {
        List<Integer> out = new ArrayList<>(nums);
        Collections.reverse(out);
        return out;
    }
}
