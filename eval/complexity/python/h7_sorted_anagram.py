# complexity: O(n log n)
# function: is_anagram
# split: held-out
# why: two sorts of the strings.
def is_anagram(s, t):
    return sorted(s) == sorted(t)
