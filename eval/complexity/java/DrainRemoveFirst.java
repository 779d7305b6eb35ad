// complexity: O(n^2)
// function: drain
// why: ArrayList.remove(0) shifts the remaining elements, n times.
import java.util.ArrayList;
import java.util.List;

class Solution {
    public int drain(List<Integer> items) {
        List<Integer> work = new ArrayList<>(items);
        int total = 0;
        while (!work.isEmpty()) {
            int x = work.remove(0);
            total += x;
        }
        return total;
    }
}
