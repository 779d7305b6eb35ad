# complexity: O(n log n)
# function: median
# split: round-6
# why: sorted() copies and sorts the list; the rest is O(1).
def median(nums):
    s = sorted(nums)
    n = len(s)
    if n % 2 == 1:
        return s[n // 2]
    return (s[n // 2 - 1] + s[n // 2]) / 2
