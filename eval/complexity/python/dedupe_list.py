# complexity: O(n^2)
# function: dedupe
# why: `x not in result` scans the result list on every pass.
def dedupe(items):
    result = []
    for x in items:
        if x not in result:
            result.append(x)
    return result
