# complexity: O(n)
# function: rotate
# split: held-out
# why: two slices and a concatenation, each linear; no loop.
def rotate(nums, k):
    k %= len(nums)
    nums[:] = nums[-k:] + nums[:-k]
    return nums
