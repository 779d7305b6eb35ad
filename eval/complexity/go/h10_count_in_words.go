// complexity: O(n^2)
// function: vowelWords
// split: round-10
// why: n words of length m, each scanned by strings.Count: O(n·m), n^2 by the n·m convention.
package main

import "strings"

func vowelWords(words []string) int {
	count := 0
	for _, w := range words {
		if strings.Count(w, "a")+strings.Count(w, "e") > 1 {
			count++
		}
	}
	return count
}
