# complexity: O(n^2)
# function: running_medians
# split: round-6
# why: bisect.insort finds the place in O(log n) but shifts up to n elements, once per value.
import bisect


def running_medians(nums):
    window = []
    out = []
    for x in nums:
        bisect.insort(window, x)
        out.append(window[len(window) // 2])
    return out
