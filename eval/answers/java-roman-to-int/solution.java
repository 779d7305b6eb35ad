import java.util.Map;

class Solution {
    static final Map<Character, Integer> VALUE = Map.of('I', 1, 'V', 5, 'X', 10, 'L', 50, 'C', 100, 'D', 500, 'M', 1000);

    static int romanToInt(String s) {
        int total = 0;
        for (int i = 0; i < s.length(); i++) {
            int v = VALUE.get(s.charAt(i));
            if (i + 1 < s.length() && v < VALUE.get(s.charAt(i + 1))) {
                total -= v;
            } else {
                total += v;
            }
        }
        return total;
    }
}
