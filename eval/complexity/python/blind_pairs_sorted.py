# complexity: O(n log n)
# function: count_pairs_below
# split: round-4
# why: the sort dominates the two-pointer pass.
def count_pairs_below(nums, limit):
    nums = sorted(nums)
    lo, hi = 0, len(nums) - 1
    count = 0
    while lo < hi:
        if nums[lo] + nums[hi] < limit:
            count += hi - lo
            lo += 1
        else:
            hi -= 1
    return count
