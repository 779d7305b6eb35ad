// complexity: O(n log n)
// function: byAge
// split: held-out
// why: one stable sort.
package main

import "sort"

type Person struct {
	Name string
	Age  int
}

func byAge(people []Person) []Person {
	sort.SliceStable(people, func(i, j int) bool { return people[i].Age < people[j].Age })
	return people
}
