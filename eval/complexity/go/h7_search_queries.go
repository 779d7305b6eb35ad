// complexity: O(n log n)
// function: countBelow
// split: round-7
// why: one binary search (sort.SearchInts) per query.
package main

import "sort"

func countBelow(sorted []int, queries []int) []int {
	out := make([]int, len(queries))
	for i, q := range queries {
		out[i] = sort.SearchInts(sorted, q)
	}
	return out
}
