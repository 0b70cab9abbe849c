import pytest


class TestOuter:
    def test_method(self):
        pass

    class TestInner:
        def test_nested(self):
            assert "inner"

        @pytest.mark.parametrize("x", [1, 2])
        def test_param_in_class(self, x):
            assert x < 2


@pytest.mark.parametrize("value", ["a::b", "ü", "[x]", "a b", "1.5"])
def test_odd_ids(value):
    assert value


@pytest.mark.parametrize("n", range(3), ids=["zero", "one", "two"])
def test_named_ids(n):
    assert n != 1
