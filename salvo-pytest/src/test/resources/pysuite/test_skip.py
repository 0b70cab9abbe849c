import pytest


@pytest.mark.skip(reason="not on this machine")
def test_skipped():
    pass


def test_skip_inside():
    pytest.skip("decided at run time")


@pytest.mark.xfail(reason="known bug")
def test_xfail():
    assert False


@pytest.mark.xfail(reason="fixed already")
def test_xpass():
    assert True
