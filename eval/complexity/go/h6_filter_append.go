// complexity: O(n)
// function: evens
// split: round-6
// why: append is amortised O(1); one pass.
package main

func evens(nums []int) []int {
	out := []int{}
	for _, x := range nums {
		if x%2 == 0 {
			out = append(out, x)
		}
	}
	return out
}
