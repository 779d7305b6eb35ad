# complexity: O(n log n)
# function: is_anagram
# split: round-7
# why: two sorts of the strings.
def is_anagram(s, t):
    return sorted(s) == sorted(t)
