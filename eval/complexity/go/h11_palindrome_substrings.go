// complexity: O(n^3)
// function: countPalindromes
// split: round-11
// why: n^2 substrings, each checked in O(n).
package main

func isPal(s string) bool {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		if s[i] != s[j] {
			return false
		}
	}
	return true
}

func countPalindromes(s string) int {
	count := 0
	for i := 0; i < len(s); i++ {
		for j := i + 1; j <= len(s); j++ {
			if isPal(s[i:j]) {
				count++
			}
		}
	}
	return count
}
