// complexity: O(n)
// function: climb
// split: round-9
// why: memoised over n: each value computed once.
import java.util.*;

class Solution {
    private final Map<Integer, Integer> memo = new HashMap<>();

    public int climb(int n) {
        if (n <= 2) return n;
        if (memo.containsKey(n)) return memo.get(n);
        int ways = climb(n - 1) + climb(n - 2);
        memo.put(n, ways);
        return ways;
    }
}
