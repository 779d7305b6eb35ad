# complexity: O(n)
# function: count_distinct
# split: round-6
# why: set(nums) hashes every element once; len of a set is O(1).
def count_distinct(nums):
    return len(set(nums))
