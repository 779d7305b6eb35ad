// complexity: O(n^2)
// function: drainFront
// split: round-8
// why: deleteCharAt(0) moves every remaining character, once per character.
class Solution {
    public int drainFront(String s) {
        StringBuilder sb = new StringBuilder(s);
        int vowels = 0;
        while (sb.length() > 0) {
            if ("aeiou".indexOf(sb.charAt(0)) >= 0) vowels++;
            sb.deleteCharAt(0);
        }
        return vowels;
    }
}
