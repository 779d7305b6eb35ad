// complexity: O(n)
// function: distinctChars
// split: round-8
// why: chars().distinct() hashes every character once.
class Solution {
    public long distinctChars(String s) {
        return s.chars().distinct().count();
    }
}
