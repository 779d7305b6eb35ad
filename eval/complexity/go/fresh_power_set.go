// complexity: O(2^n)
// function: gen
// split: round-3
// why: include or exclude each element: 2^n leaves.
package main

func powerSet(nums []int) [][]int {
	var out [][]int
	var cur []int
	var gen func(i int)
	gen = func(i int) {
		if i == len(nums) {
			out = append(out, append([]int(nil), cur...))
			return
		}
		gen(i + 1)
		cur = append(cur, nums[i])
		gen(i + 1)
		cur = cur[:len(cur)-1]
	}
	gen(0)
	return out
}
