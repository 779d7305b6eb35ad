// complexity: O(n)
// function: sumTo
// split: round-8
// why: Go 1.22 range over an int: n passes.
package main

func sumTo(n int) int {
	total := 0
	for i := range n {
		total += i
	}
	return total
}
