def area(kind, a, b=0):
    if kind == "square":
        return a * a
    if kind == "rect":
        return a * b
    if kind == "tri":
        return a * b / 2
    raise ValueError(kind)


def perimeter(kind, a, b=0):
    if kind == "square":
        return 4 * a
    return 2 * (a + b)
