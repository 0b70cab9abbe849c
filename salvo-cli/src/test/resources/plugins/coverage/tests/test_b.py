import pytest

from pkg import shapes, words


@pytest.fixture(scope="module")
def loud():
    return words.shout("hi")


def test_tri():
    assert shapes.area("tri", 2, 3) == 3


def test_shout(loud):
    assert loud == "HI!"


@pytest.mark.skip(reason="kept out on purpose")
def test_skipped():
    shapes.area("circle", 1)
