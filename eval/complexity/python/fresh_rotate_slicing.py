# complexity: O(n)
# function: rotate
# split: round-3
# why: two slices and a concatenation, each linear; no loop.
def rotate(nums, k):
    k %= len(nums)
    nums[:] = nums[-k:] + nums[:-k]
    return nums
