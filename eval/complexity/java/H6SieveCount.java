// complexity: O(n log n)
// function: countPrimes
// split: round-6
// why: the inner loop steps by i (n/i iterations): harmonic sum, O(n log n) as the class-set bound of n log log n.
class Solution {
    public int countPrimes(int n) {
        boolean[] composite = new boolean[n];
        int count = 0;
        for (int i = 2; i < n; i++) {
            if (!composite[i]) {
                count++;
                for (long j = (long) i * i; j < n; j += i) {
                    composite[(int) j] = true;
                }
            }
        }
        return count;
    }
}
