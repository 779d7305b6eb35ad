// complexity: O(n log n)
// function: sortedKeys
// split: round-7
// why: collecting the keys is O(n); sort.Strings O(n log n).
package main

import "sort"

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
