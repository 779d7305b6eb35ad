// complexity: O(n^2)
// function: rotate
// split: round-4
// why: each of the n x n cells is moved once in its ring of four.
package main

func rotate(m [][]int) {
	n := len(m)
	for i := 0; i < n/2; i++ {
		for j := i; j < n-1-i; j++ {
			t := m[i][j]
			m[i][j] = m[n-1-j][i]
			m[n-1-j][i] = m[n-1-i][n-1-j]
			m[n-1-i][n-1-j] = m[j][n-1-i]
			m[j][n-1-i] = t
		}
	}
}
