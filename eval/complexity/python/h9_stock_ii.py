# complexity: O(n)
# function: max_profit
# split: round-9
# why: one pass adding every positive day-to-day difference.
def max_profit(prices):
    profit = 0
    for i in range(1, len(prices)):
        if prices[i] > prices[i - 1]:
            profit += prices[i] - prices[i - 1]
    return profit
