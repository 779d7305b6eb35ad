// complexity: O(n)
// function: wordFreq
// split: round-4
// why: Fields splits once; one pass of map updates.
package main

import "strings"

func wordFreq(text string) map[string]int {
	freq := map[string]int{}
	for _, w := range strings.Fields(strings.ToLower(text)) {
		freq[w]++
	}
	return freq
}
