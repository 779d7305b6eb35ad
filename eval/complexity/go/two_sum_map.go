// complexity: O(n)
// function: twoSum
// why: one pass with O(1) map lookups.
package main

func twoSum(nums []int, target int) []int {
	seen := make(map[int]int)
	for i, x := range nums {
		if j, ok := seen[target-x]; ok {
			return []int{j, i}
		}
		seen[x] = i
	}
	return nil
}
