// complexity: O(log n)
// function: countDigits
// split: round-3
// why: n is divided by 10 every pass.
class Solution {
    public int countDigits(int n) {
        int count = 0;
        do {
            n /= 10;
            count++;
        } while (n > 0);
        return count;
    }
}
