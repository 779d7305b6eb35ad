# complexity: O(n)
# function: build_lookup
# split: held-out
# why: dict(zip(...)) walks both lists once.
def build_lookup(keys, values):
    lookup = dict(zip(keys, values))
    return lookup
