# complexity: O(n log n)
# function: count_less
# split: round-4
# why: a binary search (bisect) in each of the m rows: O(m log n).
import bisect


def count_less(matrix, target):
    total = 0
    for row in matrix:
        total += bisect.bisect_left(row, target)
    return total
