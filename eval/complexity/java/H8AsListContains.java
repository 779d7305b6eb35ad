// complexity: O(n^2)
// function: common
// split: round-8
// why: Arrays.asList(b).contains scans b for every element of a.
import java.util.*;

class Solution {
    public List<Integer> common(Integer[] a, Integer[] b) {
        List<Integer> out = new ArrayList<>();
        for (Integer x : a) {
            if (Arrays.asList(b).contains(x)) out.add(x);
        }
        return out;
    }
}
