// complexity: O(n^2)
// function: lettersOnly
// why: String += copies the whole string built so far on every pass.
class Solution {
    public String lettersOnly(String s) {
        String result = "";
        for (char c : s.toCharArray()) {
            if (Character.isLetter(c)) {
                result += c;
            }
        }
        return result;
    }
}
