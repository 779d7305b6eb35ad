// complexity: O(n^2)
// function: reconstructQueue
// split: round-9
// why: sort is O(n log n); each insert at index k copies the tail: O(n) per person.
package main

import "sort"

func reconstructQueue(people [][]int) [][]int {
	sort.Slice(people, func(i, j int) bool {
		if people[i][0] != people[j][0] {
			return people[i][0] > people[j][0]
		}
		return people[i][1] < people[j][1]
	})
	res := [][]int{}
	for _, p := range people {
		k := p[1]
		res = append(res[:k], append([][]int{p}, res[k:]...)...)
	}
	return res
}
