// complexity: O(n^2)
// function: numIslands
// why: m x n cells, each enqueued at most once.
package main

func numIslands(grid [][]byte) int {
	rows, cols := len(grid), len(grid[0])
	dirs := [][2]int{{1, 0}, {-1, 0}, {0, 1}, {0, -1}}
	count := 0
	for r := 0; r < rows; r++ {
		for c := 0; c < cols; c++ {
			if grid[r][c] != '1' {
				continue
			}
			count++
			grid[r][c] = '0'
			queue := [][2]int{{r, c}}
			for len(queue) > 0 {
				cell := queue[0]
				queue = queue[1:]
				for _, d := range dirs {
					nr, nc := cell[0]+d[0], cell[1]+d[1]
					if nr >= 0 && nc >= 0 && nr < rows && nc < cols && grid[nr][nc] == '1' {
						grid[nr][nc] = '0'
						queue = append(queue, [2]int{nr, nc})
					}
				}
			}
		}
	}
	return count
}
