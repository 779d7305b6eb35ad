// complexity: O(n^2)
// function: dedupe
// why: slices.Contains scans the output slice on each pass.
package main

import "slices"

func dedupe(nums []int) []int {
	out := []int{}
	for _, x := range nums {
		if !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}
