// complexity: O(n log n)
// function: drainInOrder
// split: round-11
// why: n puts and n pollFirstEntry calls on a red-black tree, O(log n) each.
import java.util.*;

class Solution {
    public List<Integer> drainInOrder(int[] nums) {
        TreeMap<Integer, Integer> counts = new TreeMap<>();
        for (int x : nums) counts.merge(x, 1, Integer::sum);
        List<Integer> out = new ArrayList<>();
        while (!counts.isEmpty()) {
            Map.Entry<Integer, Integer> e = counts.pollFirstEntry();
            for (int i = 0; i < e.getValue(); i++) out.add(e.getKey());
        }
        return out;
    }
}
