# complexity: O(2^n)
# function: power_set
# split: round-11
# why: the result doubles with each element: 2^n subsets.
def power_set(s):
    if not s:
        return [[]]
    rest = power_set(s[1:])
    return rest + [[s[0]] + r for r in rest]
