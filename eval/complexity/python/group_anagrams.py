# complexity: O(n^2 log n)
# function: group_anagrams
# why: n words, each sorted in O(m log m): O(n * m log m).
from collections import defaultdict


def group_anagrams(strs):
    groups = defaultdict(list)
    for word in strs:
        key = ''.join(sorted(word))
        groups[key].append(word)
    return list(groups.values())
