def get_timeout(config):
    try:
        value = config["timeout"]
        return int(value)
    except KeyError:
        return 30
