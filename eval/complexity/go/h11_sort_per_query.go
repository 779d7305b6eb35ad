// complexity: O(n^2 log n)
// function: kthPerQuery
// split: round-11
// why: the whole slice is copied and sorted again for every query.
package main

import "sort"

func kthPerQuery(nums []int, queries []int) []int {
	out := []int{}
	for _, k := range queries {
		c := append([]int{}, nums...)
		sort.Ints(c)
		out = append(out, c[k])
	}
	return out
}
