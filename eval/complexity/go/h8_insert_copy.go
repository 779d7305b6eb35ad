// complexity: O(n^2)
// function: insertionSorted
// split: round-8
// why: copy(s[i+1:], s[i:]) shifts the tail on every insert, up to n each.
package main

func insertionSorted(nums []int) []int {
	s := []int{}
	for _, x := range nums {
		i := 0
		for i < len(s) && s[i] < x {
			i++
		}
		s = append(s, 0)
		copy(s[i+1:], s[i:])
		s[i] = x
	}
	return s
}
