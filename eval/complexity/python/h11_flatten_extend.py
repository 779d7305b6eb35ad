# complexity: O(n^2)
# function: flatten
# split: round-11
# why: extend copies each row once: every cell of the m-by-n matrix.
def flatten(matrix):
    out = []
    for row in matrix:
        out.extend(row)
    return out
