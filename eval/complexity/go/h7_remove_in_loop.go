// complexity: O(n^2)
// function: removeNegatives
// split: round-7
// why: append(s[:i], s[i+1:]...) moves every element after i, once per removal.
package main

func removeNegatives(s []int) []int {
	for i := 0; i < len(s); {
		if s[i] < 0 {
			s = append(s[:i], s[i+1:]...)
		} else {
			i++
		}
	}
	return s
}
