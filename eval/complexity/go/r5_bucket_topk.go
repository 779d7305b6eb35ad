// complexity: O(n)
// function: topKFrequent
// split: round-5
// why: bucket sort by frequency: counting, filling n + 1 buckets, and draining them are all linear.
package main

func topKFrequent(nums []int, k int) []int {
	count := map[int]int{}
	for _, x := range nums {
		count[x]++
	}
	buckets := make([][]int, len(nums)+1)
	for x, c := range count {
		buckets[c] = append(buckets[c], x)
	}
	out := []int{}
	for i := len(buckets) - 1; i >= 0 && len(out) < k; i-- {
		for _, x := range buckets[i] {
			out = append(out, x)
		}
	}
	return out[:k]
}
