def running_max(nums):
    result = [nums[0]]
    for x in nums[1:]:
        result.append(max(result[-1], x))
    return result
