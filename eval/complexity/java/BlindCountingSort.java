// complexity: O(n)
// function: countingSort
// split: round-4
// why: O(n + k) passes, with the value range k taken as at most n.
class Solution {
    public int[] countingSort(int[] a, int maxValue) {
        int[] count = new int[maxValue + 1];
        for (int x : a) count[x]++;
        int[] out = new int[a.length];
        int k = 0;
        for (int v = 0; v <= maxValue; v++) {
            for (int c = 0; c < count[v]; c++) out[k++] = v;
        }
        return out;
    }
}
