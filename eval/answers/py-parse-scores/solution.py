def parse_scores(line):
    scores = {}
    for part in line.split(","):
        name, value = part.split("=")
        try:
            scores[name.strip()] = int(value)
        except ValueError:
            scores[name.strip()] = 0
    return scores
