import java.util.*;

class Solution {
    static List<Integer> common(List<Integer> a, List<Integer> b) {
        List<Integer> out = new ArrayList<>();
        for (int x : a) {
            if (b.contains(x)) {
                out.add(x);
            }
        }
        return out;
    }
}
