# complexity: O(n)
# function: build_lookup
# split: round-6
# why: dict(zip(...)) walks both lists once.
def build_lookup(keys, values):
    lookup = dict(zip(keys, values))
    return lookup
