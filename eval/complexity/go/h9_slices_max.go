// complexity: O(n)
// function: spread
// split: round-9
// why: slices.Max and slices.Min each read the slice once.
package main

import "slices"

func spread(nums []int) int {
	return slices.Max(nums) - slices.Min(nums)
}
