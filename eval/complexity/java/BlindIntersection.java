// complexity: O(n)
// function: intersection
// split: round-4
// why: build a HashSet, then one pass of O(1) lookups.
import java.util.HashSet;
import java.util.Set;

class Solution {
    public int[] intersection(int[] a, int[] b) {
        Set<Integer> seen = new HashSet<>();
        for (int x : a) seen.add(x);
        Set<Integer> both = new HashSet<>();
        for (int y : b) {
            if (seen.contains(y)) both.add(y);
        }
        int[] out = new int[both.size()];
        int k = 0;
        for (int v : both) out[k++] = v;
        return out;
    }
}
