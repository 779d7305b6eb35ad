# complexity: O(n)
# function: argmax
# split: held-out
# why: max is one pass, index one more.
def argmax(nums):
    return nums.index(max(nums))
