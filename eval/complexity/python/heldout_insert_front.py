# complexity: O(n^2)
# function: to_binary_digits
# split: round-2
# why: insert(0, x) shifts the whole list on every pass over the input list.
def to_binary_digits(values):
    out = []
    for v in values:
        out.insert(0, v % 2)
    return out
