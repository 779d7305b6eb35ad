// complexity: O(n^2)
// function: dedupe
// why: List.contains is a linear scan inside the loop.
import java.util.ArrayList;
import java.util.List;

class Solution {
    public List<Integer> dedupe(int[] nums) {
        List<Integer> result = new ArrayList<>();
        for (int x : nums) {
            if (!result.contains(x)) {
                result.add(x);
            }
        }
        return result;
    }
}
