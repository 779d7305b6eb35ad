# complexity: O(n^2)
# function: best
# split: round-3
# why: amount states, each trying every coin: O(amount * coins).
from functools import lru_cache


def coin_change(coins, amount):
    @lru_cache(maxsize=None)
    def best(remaining):
        if remaining == 0:
            return 0
        if remaining < 0:
            return float('inf')
        return min(best(remaining - c) + 1 for c in coins)

    result = best(amount)
    return -1 if result == float('inf') else result
