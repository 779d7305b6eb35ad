// complexity: O(n)
// function: maxProfit
// why: single pass with a running minimum.
package main

import "math"

func maxProfit(prices []int) int {
	minPrice := math.MaxInt32
	best := 0
	for _, p := range prices {
		if p < minPrice {
			minPrice = p
		} else if p-minPrice > best {
			best = p - minPrice
		}
	}
	return best
}
