# complexity: O(n)
# function: is_anagram
# split: round-6
# why: each Counter walks its string once; comparing two dicts is linear in their size.
from collections import Counter


def is_anagram(s, t):
    return Counter(s) == Counter(t)
