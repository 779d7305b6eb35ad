// complexity: O(n)
// function: reverse
// why: two indices meet in the middle.
package main

func reverse(a []int) {
	for i, j := 0, len(a)-1; i < j; i, j = i+1, j-1 {
		a[i], a[j] = a[j], a[i]
	}
}
