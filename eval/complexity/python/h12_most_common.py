# complexity: O(n log n)
# function: top_words
# split: held-out
# why: counting is O(n); most_common(k) keeps a heap of k over the distinct words: O(n log k), k <= n.
from collections import Counter


def top_words(words, k):
    return [w for w, _ in Counter(words).most_common(k)]
