# complexity: O(n)
# function: top_k_frequent
# split: round-9
# why: counting, filling buckets indexed by count, and reading them back are each O(n).
from collections import Counter


def top_k_frequent(nums, k):
    count = Counter(nums)
    buckets = [[] for _ in range(len(nums) + 1)]
    for num, c in count.items():
        buckets[c].append(num)
    res = []
    for i in range(len(buckets) - 1, 0, -1):
        for num in buckets[i]:
            res.append(num)
            if len(res) == k:
                return res
    return res
