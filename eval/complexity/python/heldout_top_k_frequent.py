# complexity: O(n log n)
# function: top_k_frequent
# split: round-2
# why: counting is linear; sorting the distinct values by count is O(n log n).
from collections import Counter


def top_k_frequent(nums, k):
    counts = Counter(nums)
    ordered = sorted(counts.items(), key=lambda kv: kv[1], reverse=True)
    return [x for x, _ in ordered[:k]]
