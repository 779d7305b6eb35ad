# complexity: O(n^3)
# function: count_zero_triplets
# split: round-3
# why: every triple i < j < k is tried.
def count_zero_triplets(nums):
    n = len(nums)
    count = 0
    for i in range(n):
        for j in range(i + 1, n):
            for k in range(j + 1, n):
                if nums[i] + nums[j] + nums[k] == 0:
                    count += 1
    return count
