# complexity: O(n)
# function: search_matrix
# split: round-2
# why: each step drops a row or a column: at most m + n steps.
def search_matrix(matrix, target):
    r, c = 0, len(matrix[0]) - 1
    while r < len(matrix) and c >= 0:
        if matrix[r][c] == target:
            return True
        if matrix[r][c] > target:
            c -= 1
        else:
            r += 1
    return False
