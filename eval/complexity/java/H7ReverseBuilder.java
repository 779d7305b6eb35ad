// complexity: O(n)
// function: isPalindrome
// split: held-out
// why: building the reversed copy and comparing are linear.
class Solution {
    public boolean isPalindrome(String s) {
        return new StringBuilder(s).reverse().toString().equals(s);
    }
}
