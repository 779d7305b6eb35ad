// complexity: O(n)
// function: longestWord
// split: round-7
// why: strings.Split walks the sentence once; the loop walks its words.
package main

import "strings"

func longestWord(sentence string) string {
	best := ""
	for _, w := range strings.Split(sentence, " ") {
		if len(w) > len(best) {
			best = w
		}
	}
	return best
}
