// complexity: O(2^n)
// function: dfs
// split: round-5
// why: backtracking over choices: exponential in the target and candidates.
import java.util.ArrayList;
import java.util.List;

class Solution {
    public List<List<Integer>> combinationSum(int[] candidates, int target) {
        List<List<Integer>> out = new ArrayList<>();
        dfs(candidates, 0, target, new ArrayList<>(), out);
        return out;
    }

    private void dfs(int[] c, int start, int remain, List<Integer> path, List<List<Integer>> out) {
        if (remain == 0) {
            out.add(new ArrayList<>(path));
            return;
        }
        for (int i = start; i < c.length; i++) {
            if (c[i] > remain) continue;
            path.add(c[i]);
            dfs(c, i, remain - c[i], path, out);
            path.remove(path.size() - 1);
        }
    }
}
