import { mark, pause, type, type SessionScript } from './script.ts';

// Number of islands with a recursive flood fill over a grid of bytes, then a binary search, then a
// main that runs both.
export const goIslands: SessionScript = {
  id: 'go-islands',
  language: 'go',
  seed: 53,
  title: 'Go: number of islands (recursive DFS over a grid), binary search',
  steps: [
    pause(22),
    type('package main\n\nimport "fmt"\n\n', { typos: 1 }),
    pause(8),
    type('func sink(grid [][]byte, r, c int) {\n\tif r < 0 || c < 0 || r >= len(grid) || c >= len(grid[0]) || grid[r][c] != \'1\' {\n\t\treturn\n\t}\n', { typos: 2 }),
    pause(12),
    type('\tgrid[r][c] = \'0\'\n\tsink(grid, r+1, c)\n\tsink(grid, r-1, c)\n\tsink(grid, r, c+1)\n\tsink(grid, r, c-1)\n}\n', { typos: 1 }),
    mark('sink now calls itself four times: ask for the base case and how deep the recursion can go'),
    pause(30),
    type('\nfunc numIslands(grid [][]byte) int {\n\tcount := 0\n\tfor r := range grid {\n\t\tfor c := range grid[r] {\n', { typos: 1 }),
    pause(9),
    type('\t\t\tif grid[r][c] == \'1\' {\n\t\t\t\tcount++\n\t\t\t\tsink(grid, r, c)\n\t\t\t}\n\t\t}\n\t}\n\treturn count\n}\n', { typos: 1 }),
    mark('numIslands is finished: ask its time complexity over an m by n grid (each cell sunk once)'),
    pause(36),
    type('\nfunc search(nums []int, target int) int {\n\tlo, hi := 0, len(nums)-1\n\tfor lo <= hi {\n\t\tmid := lo + (hi-lo)/2\n\t\tswitch {\n\t\tcase nums[mid] == target:\n\t\t\treturn mid\n\t\tcase nums[mid] <', { unfinished: true, typos: 1 }),
    pause(13),
    type(' target:\n\t\t\tlo = mid + 1\n\t\tdefault:\n\t\t\thi = mid - 1\n\t\t}\n\t}\n\treturn -1\n}\n', { typos: 1 }),
    mark('search is finished: ask why the loop ends and what it returns when target is absent'),
    pause(31),
    type('\nfunc main() {\n\tgrid := [][]byte{\n\t\t[]byte("11000"),\n\t\t[]byte("11000"),\n\t\t[]byte("00100"),\n\t\t[]byte("00011"),\n\t}\n\tfmt.Println(numIslands(grid))\n\tfmt.Println(search([]int{1, 3, 5, 7, 9}, 7))\n}\n', { typos: 2 }),
    pause(24),
    type('\tfmt.Println(numIslands([][]byte{}))\n', { at: { after: 'fmt.Println(search([]int{1, 3, 5, 7, 9}, 7))\n' } }),
    mark('an empty grid is being tried: ask what sink and numIslands do with it'),
    pause(30),
  ],
  final: `package main

import "fmt"

func sink(grid [][]byte, r, c int) {
	if r < 0 || c < 0 || r >= len(grid) || c >= len(grid[0]) || grid[r][c] != '1' {
		return
	}
	grid[r][c] = '0'
	sink(grid, r+1, c)
	sink(grid, r-1, c)
	sink(grid, r, c+1)
	sink(grid, r, c-1)
}

func numIslands(grid [][]byte) int {
	count := 0
	for r := range grid {
		for c := range grid[r] {
			if grid[r][c] == '1' {
				count++
				sink(grid, r, c)
			}
		}
	}
	return count
}

func search(nums []int, target int) int {
	lo, hi := 0, len(nums)-1
	for lo <= hi {
		mid := lo + (hi-lo)/2
		switch {
		case nums[mid] == target:
			return mid
		case nums[mid] < target:
			lo = mid + 1
		default:
			hi = mid - 1
		}
	}
	return -1
}

func main() {
	grid := [][]byte{
		[]byte("11000"),
		[]byte("11000"),
		[]byte("00100"),
		[]byte("00011"),
	}
	fmt.Println(numIslands(grid))
	fmt.Println(search([]int{1, 3, 5, 7, 9}, 7))
	fmt.Println(numIslands([][]byte{}))
}
`,
};
