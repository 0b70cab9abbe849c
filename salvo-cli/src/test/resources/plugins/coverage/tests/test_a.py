from pkg import shapes


def test_square():
    assert shapes.area("square", 3) == 9


def test_perimeter():
    assert shapes.perimeter("rect", 2, 3) == 10
