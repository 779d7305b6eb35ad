# complexity: O(n^2)
# function: total
# split: round-6
# why: n calls, each copies the rest of the list with arr[1:].
def total(arr):
    if not arr:
        return 0
    return arr[0] + total(arr[1:])
