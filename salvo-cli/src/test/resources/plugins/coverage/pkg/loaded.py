"""Run at import: under fork isolation the warm worker imports the test files, so this runs there."""
TABLE = {}


def register(name, value):
    TABLE[name] = value
    return value


def lookup(name):
    if name in TABLE:
        return TABLE[name]
    return None
