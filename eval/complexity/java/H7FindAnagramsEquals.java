// complexity: O(n)
// function: findAnagrams
// split: round-7
// why: one pass over s; Arrays.equals compares two 26-letter counts, constant work per step.
import java.util.*;

class Solution {
    public List<Integer> findAnagrams(String s, String p) {
        List<Integer> out = new ArrayList<>();
        if (p.length() > s.length()) return out;
        int[] need = new int[26];
        int[] have = new int[26];
        for (char c : p.toCharArray()) need[c - 'a']++;
        for (int i = 0; i < s.length(); i++) {
            have[s.charAt(i) - 'a']++;
            if (i >= p.length()) have[s.charAt(i - p.length()) - 'a']--;
            if (Arrays.equals(need, have)) out.add(i - p.length() + 1);
        }
        return out;
    }
}
