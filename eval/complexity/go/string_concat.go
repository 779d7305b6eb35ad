// complexity: O(n^2)
// function: compress
// why: Go strings are immutable; += copies the result so far on every pass.
package main

import "strconv"

func compress(s string) string {
	result := ""
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && s[j] == s[i] {
			j++
		}
		result += string(s[i]) + strconv.Itoa(j-i)
		i = j
	}
	return result
}
