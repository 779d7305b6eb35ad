from collections import deque

def recent_average(stream, k):
    window = deque()
    total = 0
    out = []
    for x in stream:
        window.append(x)
        total += x
        if len(window) > k:
            total -= window.popleft()
        out.append(total / len(window))
    return out
