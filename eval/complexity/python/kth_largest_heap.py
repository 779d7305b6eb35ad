# complexity: O(n log n)
# function: find_kth_largest
# why: n pushes (and pops) on a heap of size at most k: O(n log k), k <= n.
import heapq


def find_kth_largest(nums, k):
    heap = []
    for x in nums:
        heapq.heappush(heap, x)
        if len(heap) > k:
            heapq.heappop(heap)
    return heap[0]
