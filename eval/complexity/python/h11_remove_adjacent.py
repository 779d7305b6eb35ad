# complexity: O(n)
# function: remove_duplicates
# split: round-11
# why: every character is pushed once and popped at most once.
def remove_duplicates(s):
    stack = []
    for ch in s:
        if stack and stack[-1] == ch:
            stack.pop()
        else:
            stack.append(ch)
    return ''.join(stack)
