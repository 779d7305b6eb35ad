# complexity: O(n^3)
# function: word_break
# split: round-5
# why: n^2 (j, i) pairs, each slicing s[j:i] in O(n) before the set lookup.
def word_break(s, words):
    word_set = set(words)
    n = len(s)
    dp = [False] * (n + 1)
    dp[0] = True
    for i in range(1, n + 1):
        for j in range(i):
            if dp[j] and s[j:i] in word_set:
                dp[i] = True
                break
    return dp[n]
