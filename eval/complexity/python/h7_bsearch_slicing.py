# complexity: O(n)
# function: contains
# split: round-7
# why: each call copies half of the remaining list: n/2 + n/4 + ... = O(n) copying over log n calls.
def contains(arr, target):
    if not arr:
        return False
    mid = len(arr) // 2
    if arr[mid] == target:
        return True
    if arr[mid] < target:
        return contains(arr[mid + 1:], target)
    return contains(arr[:mid], target)
