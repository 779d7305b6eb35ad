# complexity: O(log n)
# function: is_happy
# split: round-10
# why: the digit-square sum of n has O(log n) digits and falls below a small bound quickly; the usual quoted cost is O(log n).
def is_happy(n):
    seen = set()
    while n != 1:
        n = sum(int(d) ** 2 for d in str(n))
        if n in seen:
            return False
        seen.add(n)
    return True
