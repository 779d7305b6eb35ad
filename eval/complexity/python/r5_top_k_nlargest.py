# complexity: O(n log n)
# function: top_k_frequent
# split: round-5
# why: counting is O(n); heapq.nlargest keeps a k-sized heap over the distinct values: O(n log k).
import heapq
from collections import Counter


def top_k_frequent(nums, k):
    count = Counter(nums)
    return heapq.nlargest(k, count.keys(), key=count.get)
