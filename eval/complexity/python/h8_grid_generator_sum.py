# complexity: O(n^2)
# function: grid_sum
# split: round-8
# why: the generator walks every cell of the m-by-n grid.
def grid_sum(grid):
    return sum(x for row in grid for x in row)
