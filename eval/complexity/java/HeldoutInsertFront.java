// complexity: O(n^2)
// function: toBinary
// split: round-2
// why: StringBuilder.insert(0, ...) shifts every character already there, once per bit.
class Solution {
    public String toBinary(int[] bits) {
        StringBuilder sb = new StringBuilder();
        for (int b : bits) {
            sb.insert(0, b);
        }
        return sb.toString();
    }
}
