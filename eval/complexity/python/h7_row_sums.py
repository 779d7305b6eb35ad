# complexity: O(n^2)
# function: richest
# split: round-7
# why: sum reads a whole row, once per row: every cell of the m-by-n grid.
def richest(accounts):
    best = 0
    for i in range(len(accounts)):
        best = max(best, sum(accounts[i]))
    return best
