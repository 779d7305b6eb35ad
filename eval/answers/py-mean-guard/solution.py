def mean_rating(ratings):
    if not ratings:
        return 0.0
    total = 0
    for r in ratings:
        total += r
    return total / len(ratings)
