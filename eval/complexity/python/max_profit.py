# complexity: O(n)
# function: max_profit
# why: a single pass keeping the lowest price so far.
def max_profit(prices):
    best = 0
    lowest = float('inf')
    for p in prices:
        lowest = min(lowest, p)
        best = max(best, p - lowest)
    return best
