def has_adjacent_duplicate(items):
    for i in range(len(items) - 1):
        if items[i] == items[i + 1]:
            return True
    return False
