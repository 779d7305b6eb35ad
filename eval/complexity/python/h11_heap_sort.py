# complexity: O(n log n)
# function: heap_sort
# split: round-11
# why: n pushes and n pops at O(log n) each.
import heapq


def heap_sort(nums):
    h = []
    for x in nums:
        heapq.heappush(h, x)
    return [heapq.heappop(h) for _ in range(len(h))]
