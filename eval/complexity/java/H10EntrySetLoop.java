// complexity: O(n)
// function: firstUnique
// split: round-10
// why: one counting pass, then one pass over the insertion-ordered entries.
import java.util.*;

class Solution {
    public char firstUnique(String s) {
        Map<Character, Integer> count = new LinkedHashMap<>();
        for (char c : s.toCharArray()) count.merge(c, 1, Integer::sum);
        for (Map.Entry<Character, Integer> e : count.entrySet()) {
            if (e.getValue() == 1) return e.getKey();
        }
        return '_';
    }
}
