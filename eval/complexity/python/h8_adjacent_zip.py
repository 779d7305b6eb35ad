# complexity: O(n)
# function: is_increasing
# split: round-8
# why: zip over the list and its one-item-shorter copy: one pass.
def is_increasing(nums):
    return all(a < b for a, b in zip(nums, nums[1:]))
