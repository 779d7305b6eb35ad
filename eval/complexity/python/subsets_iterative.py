# complexity: O(2^n)
# function: subsets
# why: the list of subsets doubles for every element.
def subsets(nums):
    result = [[]]
    for x in nums:
        result += [subset + [x] for subset in result]
    return result
