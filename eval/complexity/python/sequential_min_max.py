# complexity: O(n)
# function: spread
# why: two loops one after the other: n + n.
def spread(nums):
    lo = nums[0]
    for x in nums:
        if x < lo:
            lo = x
    hi = nums[0]
    for x in nums:
        if x > hi:
            hi = x
    return hi - lo
