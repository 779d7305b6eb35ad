# complexity: O(n^2)
# function: rotate_left
# split: held-out
# why: k rotations, each pop(0) shifting every element: O(n·k), k <= n.
def rotate_left(nums, k):
    for _ in range(k):
        nums.append(nums.pop(0))
    return nums
