import time


def test_upper():
    assert "salvo".upper() == "SALVO"


def test_split_is_slow():
    time.sleep(0.3)
    assert "a,b,c".split(",") == ["a", "b", "c"]
