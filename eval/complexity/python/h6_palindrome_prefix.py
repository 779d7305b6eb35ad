# complexity: O(n^2)
# function: longest_palindromic_prefix
# split: round-6
# why: for each length the prefix is sliced, reversed and compared: O(n) per length, n lengths.
def longest_palindromic_prefix(s):
    for i in range(len(s), 0, -1):
        prefix = s[:i]
        if prefix == prefix[::-1]:
            return i
    return 0
