# complexity: O(2^n)
# function: fib
# why: each call makes two more calls, recomputing the same values.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
