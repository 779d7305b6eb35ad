package main

func minPathSum(grid [][]int) int {
	rows, cols := len(grid), len(grid[0])
	dp := make([][]int, rows)
	for r := range dp {
		dp[r] = make([]int, cols)
	}
	for r := 0; r < rows; r++ {
		for c := 0; c < cols; c++ {
			switch {
			case r == 0 && c == 0:
				dp[r][c] = grid[r][c]
			case r == 0:
				dp[r][c] = dp[r][c-1] + grid[r][c]
			case c == 0:
				dp[r][c] = dp[r-1][c] + grid[r][c]
			default:
				dp[r][c] = min(dp[r-1][c], dp[r][c-1]) + grid[r][c]
			}
		}
	}
	return dp[rows-1][cols-1]
}
