// complexity: O(n^2)
// function: countKnown
// split: held-out
// why: n words of length m, each lowercased (a copy) before the O(1) set lookup: O(n·m), n^2 by the n·m convention.
import java.util.*;

class Solution {
    public int countKnown(String[] words, Set<String> dict) {
        int count = 0;
        for (String w : words) {
            if (dict.contains(w.toLowerCase())) count++;
        }
        return count;
    }
}
