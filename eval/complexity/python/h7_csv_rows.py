# complexity: O(n)
# function: column_sums
# split: round-7
# why: the lines are parts of one text and the fields parts of one line: every character is split once.
def column_sums(text):
    sums = {}
    for line in text.split('\n'):
        for i, field in enumerate(line.split(',')):
            sums[i] = sums.get(i, 0) + int(field)
    return sums
