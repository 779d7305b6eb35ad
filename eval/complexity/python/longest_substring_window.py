# complexity: O(n)
# function: length_of_longest_substring
# why: sliding window; left only moves forward, so the inner while runs n times in total.
def length_of_longest_substring(s):
    seen = set()
    left = 0
    best = 0
    for right, ch in enumerate(s):
        while ch in seen:
            seen.remove(s[left])
            left += 1
        seen.add(ch)
        best = max(best, right - left + 1)
    return best
