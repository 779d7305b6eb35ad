# complexity: O(2^n)
# function: letter_combinations
# split: round-9
# why: up to 4^n combinations, each built once (exponential).
def letter_combinations(digits):
    if not digits:
        return []
    phone = {'2': 'abc', '3': 'def', '4': 'ghi', '5': 'jkl', '6': 'mno', '7': 'pqrs', '8': 'tuv', '9': 'wxyz'}
    res = ['']
    for d in digits:
        res = [p + c for p in res for c in phone[d]]
    return res
