# complexity: O(2^n)
# function: best_order
# split: round-8
# why: itertools.permutations yields n! orderings (factorial counts as the exponential class).
from itertools import permutations


def best_order(costs):
    best = float('inf')
    for order in permutations(range(len(costs))):
        total = sum(costs[i][j] for i, j in zip(order, order[1:]))
        best = min(best, total)
    return best
