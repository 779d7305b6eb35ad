// complexity: O(n)
// function: missingLetters
// split: round-8
// why: one pass over s, then a loop over the 26 letters (constant).
import java.util.*;

class Solution {
    public int missingLetters(String s) {
        boolean[] seen = new boolean[26];
        for (int i = 0; i < s.length(); i++) seen[s.charAt(i) - 'a'] = true;
        int missing = 0;
        for (char c = 'a'; c <= 'z'; c++) {
            if (!seen[c - 'a']) missing++;
        }
        return missing;
    }
}
