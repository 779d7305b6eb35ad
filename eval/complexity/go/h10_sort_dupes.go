// complexity: O(n log n)
// function: hasDuplicate
// split: round-10
// why: sort.Ints then one pass over neighbours.
package main

import "sort"

func hasDuplicate(nums []int) bool {
	sort.Ints(nums)
	for i := range nums {
		if i > 0 && nums[i] == nums[i-1] {
			return true
		}
	}
	return false
}
