# complexity: O(n log n)
# function: kth_distinct
# split: round-10
# why: set is O(n), sorting the distinct values O(n log n).
def kth_distinct(nums, k):
    return sorted(set(nums))[k - 1]
