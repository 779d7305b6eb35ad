# complexity: O(n^2)
# function: running_sums
# why: sum(nums[:i + 1]) copies and adds i + 1 items on every pass.
def running_sums(nums):
    out = []
    for i in range(len(nums)):
        out.append(sum(nums[:i + 1]))
    return out
