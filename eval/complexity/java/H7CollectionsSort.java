// complexity: O(n log n)
// function: sortedCopy
// split: round-7
// why: copying is O(n), Collections.sort O(n log n).
import java.util.*;

class Solution {
    public List<String> sortedCopy(List<String> names) {
        List<String> out = new ArrayList<>(names);
        Collections.sort(out);
        return out;
    }
}
