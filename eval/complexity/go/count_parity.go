// complexity: O(n)
// function: countParity
// why: two separate passes over nums.
package main

func countParity(nums []int) (int, int) {
	evens := 0
	for _, x := range nums {
		if x%2 == 0 {
			evens++
		}
	}
	odds := 0
	for i := 0; i < len(nums); i++ {
		if nums[i]%2 != 0 {
			odds++
		}
	}
	return evens, odds
}
