// complexity: O(n log n)
// function: countBits
// split: round-7
// why: for each i up to n, its binary string has log i digits, each read once.
class Solution {
    public int[] countBits(int n) {
        int[] out = new int[n + 1];
        for (int i = 0; i <= n; i++) {
            String bits = Integer.toBinaryString(i);
            out[i] = (int) bits.chars().filter(c -> c == '1').count();
        }
        return out;
    }
}
