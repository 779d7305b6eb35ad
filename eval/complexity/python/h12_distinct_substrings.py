# complexity: O(n^3)
# function: count_distinct_substrings
# split: held-out
# why: n^2 substrings, each sliced (copied) and hashed in O(n).
def count_distinct_substrings(s):
    seen = set()
    for i in range(len(s)):
        for j in range(i + 1, len(s) + 1):
            seen.add(s[i:j])
    return len(seen)
