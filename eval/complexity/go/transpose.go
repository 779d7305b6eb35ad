// complexity: O(n^2)
// function: transpose
// why: every cell of the m x n matrix is copied once.
package main

func transpose(matrix [][]int) [][]int {
	rows, cols := len(matrix), len(matrix[0])
	out := make([][]int, cols)
	for j := range out {
		out[j] = make([]int, rows)
	}
	for i := 0; i < rows; i++ {
		for j := 0; j < cols; j++ {
			out[j][i] = matrix[i][j]
		}
	}
	return out
}
