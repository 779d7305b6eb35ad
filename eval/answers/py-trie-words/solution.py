def count_prefix(words, prefix):
    root = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {"#": 0})
            node["#"] += 1
    node = root
    for ch in prefix:
        if ch not in node:
            return 0
        node = node[ch]
    return node["#"] if prefix else len(words)
