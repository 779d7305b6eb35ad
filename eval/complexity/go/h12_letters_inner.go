// complexity: O(n)
// function: letterMask
// split: held-out
// why: the inner loop runs a constant 26 times per character.
package main

func letterMask(s string) []bool {
	seen := make([]bool, 26)
	for i := 0; i < len(s); i++ {
		for j := 0; j < 26; j++ {
			if s[i] == byte('a'+j) {
				seen[j] = true
			}
		}
	}
	return seen
}
