// complexity: O(n)
// function: joinWords
// why: strings.Builder appends in amortised O(1).
package main

import "strings"

func joinWords(words []string, sep string) string {
	var sb strings.Builder
	for i, w := range words {
		if i > 0 {
			sb.WriteString(sep)
		}
		sb.WriteString(w)
	}
	return sb.String()
}
