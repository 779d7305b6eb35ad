# complexity: O(n log n)
# function: count_primes
# split: round-6
# why: the inner loop steps by i, so it runs n/i times: a harmonic sum, O(n log n) as a bound (n log log n over primes only; the class set has no such class).
def count_primes(n):
    if n < 3:
        return 0
    is_prime = [True] * n
    is_prime[0] = is_prime[1] = False
    for i in range(2, n):
        if is_prime[i]:
            for j in range(i * i, n, i):
                is_prime[j] = False
    return sum(is_prime)
