package islands

func numIslands(grid [][]byte) int {
	count := 0
	for r := 0; r < len(grid); r++ {
		for c := 0; c < len(grid[r]); c++ {
			if grid[r][c] == '1' {
				count++
				sink(grid, r, c)
			}
		}
	}
	return count
}

func sink(grid [][]byte, r, c int) {
	if r < 0 || c < 0 || r >= len(grid) || c >= len(grid[r]) || grid[r][c] != '1' {
		return
	}
	grid[r][c] = '0'
	sink(grid, r+1, c)
	sink(grid, r-1, c)
	sink(grid, r, c+1)
	sink(grid, r, c-1)
}
