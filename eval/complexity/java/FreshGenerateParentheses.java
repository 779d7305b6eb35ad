// complexity: O(2^n)
// function: build
// split: round-3
// why: backtracking over balanced strings: Catalan-many results, exponential.
import java.util.ArrayList;
import java.util.List;

class Solution {
    public List<String> generateParenthesis(int n) {
        List<String> out = new ArrayList<>();
        build(out, new StringBuilder(), 0, 0, n);
        return out;
    }

    private void build(List<String> out, StringBuilder cur, int open, int close, int n) {
        if (cur.length() == 2 * n) {
            out.add(cur.toString());
            return;
        }
        if (open < n) {
            cur.append('(');
            build(out, cur, open + 1, close, n);
            cur.deleteCharAt(cur.length() - 1);
        }
        if (close < open) {
            cur.append(')');
            build(out, cur, open, close + 1, n);
            cur.deleteCharAt(cur.length() - 1);
        }
    }
}
