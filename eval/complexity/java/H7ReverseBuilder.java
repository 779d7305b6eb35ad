// complexity: O(n)
// function: isPalindrome
// split: round-7
// why: building the reversed copy and comparing are linear.
class Solution {
    public boolean isPalindrome(String s) {
        return new StringBuilder(s).reverse().toString().equals(s);
    }
}
