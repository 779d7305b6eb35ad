// complexity: O(n)
// function: isPalindrome
// split: round-9
// why: ToLower copies once; the two pointers meet in the middle.
package main

import "strings"

func isPalindrome(s string) bool {
	s = strings.ToLower(s)
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		if s[i] != s[j] {
			return false
		}
	}
	return true
}
