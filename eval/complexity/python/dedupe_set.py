# complexity: O(n)
# function: dedupe
# why: set membership is O(1) on average.
def dedupe(items):
    seen = set()
    result = []
    for x in items:
        if x not in seen:
            seen.add(x)
            result.append(x)
    return result
