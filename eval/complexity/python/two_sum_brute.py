# complexity: O(n^2)
# function: two_sum
# why: for every index the inner loop scans the rest of the list.
def two_sum(nums, target):
    for i in range(len(nums)):
        for j in range(i + 1, len(nums)):
            if nums[i] + nums[j] == target:
                return [i, j]
    return []
