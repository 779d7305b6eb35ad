// complexity: O(n log n)
// function: sortedCounts
// split: round-3
// why: TreeMap.merge is O(log n), n times.
import java.util.Map;
import java.util.TreeMap;

class Solution {
    public Map<String, Integer> sortedCounts(String[] words) {
        TreeMap<String, Integer> counts = new TreeMap<>();
        for (String w : words) {
            counts.put(w, counts.getOrDefault(w, 0) + 1);
        }
        return counts;
    }
}
