// complexity: O(n)
// function: countWords
// split: held-out
// why: strings.Fields walks each line once; over all lines that is the total text length.
package main

import "strings"

func countWords(lines []string) map[string]int {
	counts := map[string]int{}
	for _, line := range lines {
		for _, w := range strings.Fields(line) {
			counts[strings.ToLower(w)]++
		}
	}
	return counts
}
