def insert_sorted(sorted_list, values):
    for v in values:
        i = 0
        while i < len(sorted_list) and sorted_list[i] < v:
            i += 1
        sorted_list.insert(i, v)
    return sorted_list
