// complexity: O(2^n)
// function: fib
// why: branching recursion without memoisation.
package main

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}
