import pytest


def test_addition():
    assert 2 + 2 == 4


@pytest.mark.parametrize("n, square", [(1, 1), (2, 4), (3, 9), (12, 144)])
def test_squares(n, square):
    assert n * n == square
