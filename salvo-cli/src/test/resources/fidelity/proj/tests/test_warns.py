"""Warnings of every kind pytest counts: at import, in a test, twice in one, in a teardown, an unknown mark."""
import warnings

import pytest

warnings.warn("raised while this module is imported", UserWarning)


@pytest.fixture
def warns_at_teardown():
    yield
    warnings.warn("raised in a fixture's teardown", UserWarning)


def test_warns_once():
    warnings.warn("raised in a test", UserWarning)


def test_warns_twice():
    warnings.warn("raised in a test", UserWarning)
    warnings.warn("deprecated in a test", DeprecationWarning)


def test_warns_in_teardown(warns_at_teardown):
    pass


@pytest.mark.not_registered_anywhere
def test_with_an_unknown_mark():
    pass
