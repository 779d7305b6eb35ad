# complexity: O(n)
# function: count_vowels
# split: round-3
# why: membership in a 5-letter literal is constant time; one pass over s.
def count_vowels(s):
    total = 0
    for ch in s.lower():
        if ch in 'aeiou':
            total += 1
    return total
