package main

import "strings"

func longestWord(text string) string {
	longest := ""
	for _, w := range strings.Fields(text) {
		if len(w) > len(longest) {
			longest = w
		}
	}
	return longest
}
