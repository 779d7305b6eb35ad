# complexity: O(n)
# function: rob
# split: round-5
# why: one pass carrying the best totals for the previous two houses.
def rob(nums):
    prev, cur = 0, 0
    for x in nums:
        prev, cur = cur, max(cur, prev + x)
    return cur
