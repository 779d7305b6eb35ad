# complexity: O(n^2)
# function: count_palindromes
# split: round-7
# why: n words of length m, each reversed by slicing and compared: O(n·m), O(n^2) by the n·m convention.
def count_palindromes(words):
    count = 0
    for w in words:
        if w == w[::-1]:
            count += 1
    return count
