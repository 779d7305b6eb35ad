# complexity: O(n^2)
# function: reverse
# split: held-out
# why: c + res builds a new string holding all of res on every pass.
def reverse(s):
    res = ''
    for c in s:
        res = c + res
    return res
