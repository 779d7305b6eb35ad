// complexity: O(n)
// function: maxSubArray
// split: round-2
// why: Kadane's single pass.
package main

func maxSubArray(nums []int) int {
	best, cur := nums[0], nums[0]
	for _, x := range nums[1:] {
		if cur < 0 {
			cur = x
		} else {
			cur += x
		}
		if cur > best {
			best = cur
		}
	}
	return best
}
