# complexity: O(n)
# function: reverse_words
# why: split, reversed and join each walk the string once.
def reverse_words(s):
    words = s.split()
    return ' '.join(reversed(words))
