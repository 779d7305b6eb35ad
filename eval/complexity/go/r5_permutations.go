// complexity: O(2^n)
// function: backtrack
// split: round-5
// why: n! orderings (exponential class).
package main

func permute(nums []int) [][]int {
	var out [][]int
	used := make([]bool, len(nums))
	var path []int
	var backtrack func()
	backtrack = func() {
		if len(path) == len(nums) {
			out = append(out, append([]int(nil), path...))
			return
		}
		for i, x := range nums {
			if used[i] {
				continue
			}
			used[i] = true
			path = append(path, x)
			backtrack()
			path = path[:len(path)-1]
			used[i] = false
		}
	}
	backtrack()
	return out
}
