def unique_in_order(items):
    seen = []
    result = []
    for x in items:
        if x not in seen:
            seen.append(x)
            result.append(x)
    return result
