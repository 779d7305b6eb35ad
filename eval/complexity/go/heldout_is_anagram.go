// complexity: O(n)
// function: isAnagram
// split: round-2
// why: one pass over each string into a fixed array of 26 counters.
package main

func isAnagram(s, t string) bool {
	if len(s) != len(t) {
		return false
	}
	var counts [26]int
	for i := 0; i < len(s); i++ {
		counts[s[i]-'a']++
		counts[t[i]-'a']--
	}
	for _, c := range counts {
		if c != 0 {
			return false
		}
	}
	return true
}
