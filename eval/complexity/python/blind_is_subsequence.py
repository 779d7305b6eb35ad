# complexity: O(n)
# function: is_subsequence
# split: round-4
# why: one pass over t; the pointer into s only moves forward.
def is_subsequence(s, t):
    i = 0
    for ch in t:
        if i < len(s) and s[i] == ch:
            i += 1
    return i == len(s)
