// complexity: O(n log n)
// function: longestRun
// split: round-3
// why: sort.Ints dominates the single scan.
package main

import "sort"

func longestRun(nums []int) int {
	if len(nums) == 0 {
		return 0
	}
	sort.Ints(nums)
	best, cur := 1, 1
	for i := 1; i < len(nums); i++ {
		if nums[i] == nums[i-1]+1 {
			cur++
		} else if nums[i] != nums[i-1] {
			cur = 1
		}
		if cur > best {
			best = cur
		}
	}
	return best
}
