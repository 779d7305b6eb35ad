# complexity: O(n)
# function: rotate
# split: round-9
# why: two slices and a concatenation, each O(n), done once.
def rotate(nums, k):
    k %= len(nums)
    nums[:] = nums[-k:] + nums[:-k]
