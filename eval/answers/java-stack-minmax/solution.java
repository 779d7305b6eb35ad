import java.util.ArrayDeque;
import java.util.Deque;

class Solution {
    static int evalPostfix(String[] tokens) {
        Deque<Integer> stack = new ArrayDeque<>();
        for (String tok : tokens) {
            if (tok.equals("+") || tok.equals("*")) {
                int b = stack.pop();
                int a = stack.pop();
                stack.push(tok.equals("+") ? a + b : a * b);
            } else {
                stack.push(Integer.parseInt(tok));
            }
        }
        return stack.pop();
    }
}
