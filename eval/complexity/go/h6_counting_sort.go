// complexity: O(n)
// function: countingSort
// split: round-6
// why: O(n + k) with k the largest value; k counts as an input size (n).
package main

func countingSort(nums []int, maxVal int) []int {
	count := make([]int, maxVal+1)
	for _, x := range nums {
		count[x]++
	}
	out := make([]int, 0, len(nums))
	for v := 0; v <= maxVal; v++ {
		for c := 0; c < count[v]; c++ {
			out = append(out, v)
		}
	}
	return out
}
