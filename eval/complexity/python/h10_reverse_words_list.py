# complexity: O(n)
# function: reverse_words
# split: round-10
# why: split, reverse and join each walk the sentence once.
def reverse_words(s):
    words = s.split()
    words.reverse()
    return ' '.join(words)
