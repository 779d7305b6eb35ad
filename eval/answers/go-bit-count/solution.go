package main

func totalSetBits(n int) int {
	total := 0
	for i := 1; i <= n; i++ {
		for x := i; x > 0; x >>= 1 {
			total += x & 1
		}
	}
	return total
}
