# complexity: O(n^2)
# function: total
# split: round-4
# why: n recursive calls, each copying the rest of the list with nums[1:].
def total(nums):
    if not nums:
        return 0
    return nums[0] + total(nums[1:])
