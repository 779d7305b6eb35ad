// complexity: O(2^n)
// function: subsets
// split: round-9
// why: 2^n subsets; remove(size - 1) is O(1).
import java.util.*;

class Solution {
    public List<List<Integer>> subsets(int[] nums) {
        List<List<Integer>> out = new ArrayList<>();
        build(nums, 0, new ArrayList<>(), out);
        return out;
    }

    private void build(int[] nums, int start, List<Integer> path, List<List<Integer>> out) {
        out.add(new ArrayList<>(path));
        for (int i = start; i < nums.length; i++) {
            path.add(nums[i]);
            build(nums, i + 1, path, out);
            path.remove(path.size() - 1);
        }
    }
}
