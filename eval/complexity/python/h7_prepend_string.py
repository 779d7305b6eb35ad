# complexity: O(n^2)
# function: reverse
# split: round-7
# why: c + res builds a new string holding all of res on every pass.
def reverse(s):
    res = ''
    for c in s:
        res = c + res
    return res
