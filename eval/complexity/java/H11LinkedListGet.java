// complexity: O(n^2)
// function: total
// split: round-11
// why: LinkedList.get(i) walks from an end to i, once per index.
import java.util.*;

class Solution {
    public long total(LinkedList<Integer> list) {
        long sum = 0;
        for (int i = 0; i < list.size(); i++) {
            sum += list.get(i);
        }
        return sum;
    }
}
