// complexity: O(n log n)
// function: secondLargest
// split: round-8
// why: slices.Sort of a copy, O(n log n).
package main

import "slices"

func secondLargest(nums []int) int {
	c := slices.Clone(nums)
	slices.Sort(c)
	return c[len(c)-2]
}
