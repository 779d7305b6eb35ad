# complexity: O(n log n)
# function: ship_within_days
# split: round-6
# why: binary search over the capacity range (log of the total weight), each probe walks the weights: O(n log S).
def ship_within_days(weights, days):
    lo, hi = max(weights), sum(weights)
    while lo < hi:
        mid = (lo + hi) // 2
        need, cur = 1, 0
        for w in weights:
            if cur + w > mid:
                need += 1
                cur = 0
            cur += w
        if need <= days:
            hi = mid
        else:
            lo = mid + 1
    return lo
