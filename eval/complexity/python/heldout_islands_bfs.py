# complexity: O(n^2)
# function: num_islands
# split: round-2
# why: every cell of the grid is scanned once and enters the queue at most once.
from collections import deque


def num_islands(grid):
    rows, cols = len(grid), len(grid[0])
    seen = set()
    islands = 0
    for r in range(rows):
        for c in range(cols):
            if grid[r][c] == '1' and (r, c) not in seen:
                islands += 1
                seen.add((r, c))
                q = deque([(r, c)])
                while q:
                    x, y = q.popleft()
                    for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
                        nx, ny = x + dx, y + dy
                        if 0 <= nx < rows and 0 <= ny < cols and grid[nx][ny] == '1' and (nx, ny) not in seen:
                            seen.add((nx, ny))
                            q.append((nx, ny))
    return islands
