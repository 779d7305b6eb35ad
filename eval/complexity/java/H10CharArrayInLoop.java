// complexity: O(n^2)
// function: countShifts
// split: round-10
// why: toCharArray copies the whole string on every pass.
class Solution {
    public int countShifts(String s) {
        int count = 0;
        for (int i = 0; i < s.length(); i++) {
            char[] cs = s.toCharArray();
            if (cs[i] == cs[(i + 1) % cs.length]) count++;
        }
        return count;
    }
}
