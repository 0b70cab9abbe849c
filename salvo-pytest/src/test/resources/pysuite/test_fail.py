def test_ok():
    assert True


def test_bad_sum():
    assert 1 + 1 == 3


def test_raises():
    raise ValueError("the value was wrong")
