# complexity: O(n^2)
# function: find_anagrams
# split: round-4
# why: a Counter is built from a k-long slice for every start: O(n * k).
from collections import Counter


def find_anagrams(s, p):
    k = len(p)
    target = Counter(p)
    out = []
    for i in range(len(s) - k + 1):
        if Counter(s[i:i + k]) == target:
            out.append(i)
    return out
