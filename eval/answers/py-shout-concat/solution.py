def shout(words):
    result = ""
    for w in words:
        result += w.upper() + "!"
    return result
