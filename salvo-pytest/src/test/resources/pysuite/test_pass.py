def test_one():
    assert 1 + 1 == 2


def test_two():
    print("hello from test_two")
    assert "salvo".upper() == "SALVO"
