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
