# complexity: O(n^2)
# function: neighbours
# split: round-7
# why: for each of the n positions, 26 letters (constant), each building a new word by slicing: O(26·n·n).
import string


def neighbours(word, words):
    out = []
    for i in range(len(word)):
        for c in string.ascii_lowercase:
            cand = word[:i] + c + word[i + 1:]
            if cand != word and cand in words:
                out.append(cand)
    return out
