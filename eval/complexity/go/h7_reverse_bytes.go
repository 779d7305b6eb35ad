// complexity: O(n)
// function: reverse
// split: round-7
// why: the conversion copies once; the two pointers meet in the middle.
package main

func reverse(s string) string {
	b := []byte(s)
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
	return string(b)
}
