// complexity: O(n)
// function: reverseWords
// split: round-6
// why: split, reverse and join each walk the sentence once.
import java.util.*;

class Solution {
    public String reverseWords(String s) {
        List<String> words = new ArrayList<>(Arrays.asList(s.trim().split("\\s+")));
        Collections.reverse(words);
        return String.join(" ", words);
    }
}
