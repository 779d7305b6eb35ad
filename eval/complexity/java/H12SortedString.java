// complexity: O(n log n)
// function: sortString
// split: held-out
// why: toCharArray is O(n), Arrays.sort O(n log n).
import java.util.*;

class Solution {
    public String sortString(String s) {
        char[] cs = s.toCharArray();
        Arrays.sort(cs);
        return String.valueOf(cs);
    }
}
