// complexity: O(n^2)
// function: mentioned
// split: round-3
// why: strings.Contains scans the text for every word: O(words * text).
package main

import "strings"

func mentioned(text string, words []string) []string {
	out := []string{}
	for _, w := range words {
		if strings.Contains(text, w) {
			out = append(out, w)
		}
	}
	return out
}
