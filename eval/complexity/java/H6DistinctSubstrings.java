// complexity: O(n^3)
// function: countDistinctSubstrings
// split: round-6
// why: n^2 substrings, each copied (and hashed) in O(n).
import java.util.*;

class Solution {
    public int countDistinctSubstrings(String s) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < s.length(); i++) {
            for (int j = i + 1; j <= s.length(); j++) {
                seen.add(s.substring(i, j));
            }
        }
        return seen.size();
    }
}
