# complexity: O(n^2)
# function: max_sliding_window
# split: round-3
# why: max over a k-wide slice for each of n - k + 1 windows: O(n * k).
def max_sliding_window(nums, k):
    out = []
    for i in range(len(nums) - k + 1):
        out.append(max(nums[i:i + k]))
    return out
