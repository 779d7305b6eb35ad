// complexity: O(n log n)
// function: descending
// split: round-8
// why: one sort of the slice.
package main

import "sort"

func descending(nums []int) []int {
	sort.Sort(sort.Reverse(sort.IntSlice(nums)))
	return nums
}
