def num_decodings(s):
    prev, cur = 1, 1
    for i in range(1, len(s) + 1):
        ways = 0
        if s[i - 1] != "0":
            ways += cur
        if i >= 2 and "10" <= s[i - 2:i] <= "26":
            ways += prev
        prev, cur = cur, ways
    return cur
