// complexity: O(n log n)
// function: countPalindromes
// split: round-7
// why: for each i up to n, strconv.Itoa and the check take the number of digits, log i.
package main

import "strconv"

func countPalindromes(n int) int {
	count := 0
	for i := 1; i <= n; i++ {
		s := strconv.Itoa(i)
		ok := true
		for l, r := 0, len(s)-1; l < r; l, r = l+1, r-1 {
			if s[l] != s[r] {
				ok = false
				break
			}
		}
		if ok {
			count++
		}
	}
	return count
}
