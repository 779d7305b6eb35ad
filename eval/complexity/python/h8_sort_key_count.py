# complexity: O(n log n)
# function: frequency_sort
# split: round-8
# why: counting is O(n); sorting with a key O(n log n).
from collections import Counter


def frequency_sort(nums):
    count = Counter(nums)
    nums.sort(key=lambda x: (count[x], -x))
    return nums
