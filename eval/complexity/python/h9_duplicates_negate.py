# complexity: O(n)
# function: find_duplicates
# split: round-9
# why: one pass, marking seen values by negating the number at their index.
def find_duplicates(nums):
    out = []
    for x in nums:
        i = abs(x) - 1
        if nums[i] < 0:
            out.append(abs(x))
        else:
            nums[i] = -nums[i]
    return out
