def percentile(values, p):
    if not values:
        raise ValueError("percentile of empty data")
    ordered = sorted(values)
    k = round(p / 100 * (len(ordered) - 1))
    return ordered[k]
