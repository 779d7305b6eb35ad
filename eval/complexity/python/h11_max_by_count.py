# complexity: O(n^2)
# function: most_common
# split: round-11
# why: max calls nums.count (a full scan) for every element.
def most_common(nums):
    return max(nums, key=nums.count)
