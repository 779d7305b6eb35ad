// complexity: O(n log n)
// function: median
// split: round-6
// why: copy is O(n); sort.Ints of the copy O(n log n).
package main

import "sort"

func median(nums []int) float64 {
	c := make([]int, len(nums))
	copy(c, nums)
	sort.Ints(c)
	n := len(c)
	if n%2 == 1 {
		return float64(c[n/2])
	}
	return float64(c[n/2-1]+c[n/2]) / 2
}
