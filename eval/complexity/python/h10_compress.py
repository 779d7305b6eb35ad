# complexity: O(n)
# function: compress
# split: round-10
# why: one pass; the parts are joined once at the end.
def compress(s):
    if not s:
        return s
    parts = []
    count = 1
    for i in range(1, len(s) + 1):
        if i < len(s) and s[i] == s[i - 1]:
            count += 1
        else:
            parts.append(s[i - 1] + str(count))
            count = 1
    out = ''.join(parts)
    return out if len(out) < len(s) else s
