// complexity: O(n)
// function: totalBits
// split: held-out
// why: bits.OnesCount is constant time; one call per element.
package main

import "math/bits"

func totalBits(nums []uint) int {
	total := 0
	for _, x := range nums {
		total += bits.OnesCount(x)
	}
	return total
}
