// complexity: O(2^n)
// function: subsets
// why: the result doubles for every element of nums.
package main

func subsets(nums []int) [][]int {
	res := [][]int{{}}
	for _, x := range nums {
		size := len(res)
		for i := 0; i < size; i++ {
			next := append(append([]int{}, res[i]...), x)
			res = append(res, next)
		}
	}
	return res
}
