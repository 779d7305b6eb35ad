// complexity: O(n^2)
// function: countWords
// split: round-6
// why: n lines of length m, each split by strings.Fields and walked: O(n·m), O(n^2) by the corpus convention (a list given as a list of n strings of length m is n·m, as for sorting words one by one). Label corrected after the first run: the blind label (O(n), total text length) broke that convention.
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
