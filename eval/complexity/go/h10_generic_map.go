// complexity: O(n)
// function: Map
// split: round-10
// why: one pass applying f.
package main

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}
