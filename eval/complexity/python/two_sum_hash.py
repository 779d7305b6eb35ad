# complexity: O(n)
# function: two_sum
# why: one pass; dict lookups and inserts are O(1) on average.
def two_sum(nums, target):
    seen = {}
    for i, x in enumerate(nums):
        if target - x in seen:
            return [seen[target - x], i]
        seen[x] = i
    return []
