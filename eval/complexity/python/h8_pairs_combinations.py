# complexity: O(n^2)
# function: count_pairs
# split: round-8
# why: itertools.combinations(nums, 2) yields n(n-1)/2 pairs.
from itertools import combinations


def count_pairs(nums, target):
    count = 0
    for a, b in combinations(nums, 2):
        if a + b == target:
            count += 1
    return count
