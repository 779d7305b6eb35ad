# complexity: O(n)
# function: count_vowels
# split: round-11
# why: one pass; `in 'aeiou'` checks five characters.
def count_vowels(s):
    count = 0
    for ch in s.lower():
        if ch in 'aeiou':
            count += 1
    return count
