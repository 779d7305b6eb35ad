// complexity: O(n^2)
// function: insertionSort
// split: round-4
// why: each element may slide back past all the ones before it.
package main

func insertionSort(a []int) {
	for i := 1; i < len(a); i++ {
		j := i
		for j > 0 && a[j-1] > a[j] {
			a[j-1], a[j] = a[j], a[j-1]
			j--
		}
	}
}
