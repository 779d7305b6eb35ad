// complexity: O(log n)
// function: power
// split: round-5
// why: the exponent is halved (shifted right) every pass.
package main

func power(x float64, n int) float64 {
	result := 1.0
	for n > 0 {
		if n&1 == 1 {
			result *= x
		}
		x *= x
		n >>= 1
	}
	return result
}
