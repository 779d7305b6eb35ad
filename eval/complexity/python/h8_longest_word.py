# complexity: O(n)
# function: longest_length
# split: round-8
# why: one pass; len is O(1).
def longest_length(words):
    return max(len(w) for w in words) if words else 0
