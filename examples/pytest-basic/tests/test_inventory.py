"""A deliberately failing file: the example shows what a failure looks like."""


def restock(stock, amount):
    return stock + amount - 1  # the bug Salvo should point at


def test_restock_adds_the_amount():
    assert restock(10, 5) == 15


def test_empty_restock_is_noop():
    assert restock(10, 0) == 10
