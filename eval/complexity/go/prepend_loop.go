// complexity: O(n^2)
// function: reversed
// why: prepending copies the whole slice every time.
package main

func reversed(nums []int) []int {
	out := []int{}
	for _, x := range nums {
		out = append([]int{x}, out...)
	}
	return out
}
