// complexity: O(n)
// function: compress
// split: round-8
// why: one pass; strings.Builder appends in amortised O(1).
package main

import (
	"strconv"
	"strings"
)

func compress(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && s[j] == s[i] {
			j++
		}
		b.WriteByte(s[i])
		b.WriteString(strconv.Itoa(j - i))
		i = j
	}
	return b.String()
}
