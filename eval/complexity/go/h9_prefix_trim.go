// complexity: O(n^2)
// function: longestCommonPrefix
// split: round-9
// why: n words of length m; HasPrefix costs up to m per check and the prefix only shrinks: O(n·m) (n^2 by the n·m convention).
package main

import "strings"

func longestCommonPrefix(strs []string) string {
	if len(strs) == 0 {
		return ""
	}
	prefix := strs[0]
	for _, s := range strs[1:] {
		for !strings.HasPrefix(s, prefix) {
			prefix = prefix[:len(prefix)-1]
		}
	}
	return prefix
}
