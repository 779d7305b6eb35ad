package main

func minValue(nums []int) int {
	best := nums[0]
	for _, x := range nums[1:] {
		if x < best {
			best = x
		}
	}
	return best
}
