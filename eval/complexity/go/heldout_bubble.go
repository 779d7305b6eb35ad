// complexity: O(n^2)
// function: bubbleSort
// split: round-2
// why: nested passes over the slice.
package main

func bubbleSort(a []int) {
	n := len(a)
	for i := 0; i < n; i++ {
		for j := 0; j < n-1-i; j++ {
			if a[j] > a[j+1] {
				a[j], a[j+1] = a[j+1], a[j]
			}
		}
	}
}
