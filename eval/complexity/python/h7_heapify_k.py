# complexity: O(n log n)
# function: k_smallest
# split: round-7
# why: heapify is O(n); k pops at O(log n) each, k <= n.
import heapq


def k_smallest(nums, k):
    h = list(nums)
    heapq.heapify(h)
    return [heapq.heappop(h) for _ in range(k)]
