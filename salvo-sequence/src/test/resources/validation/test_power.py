"""Tests that python_tests.tum runs with its pytest items."""
import pytest


def test_rail_up():
    assert 3.3 > 3.2


def test_rail_noise():
    assert 0.2 < 0.1, "too noisy"


@pytest.mark.parametrize("rail", ["3v3", "5v"])
def test_rail_named(rail):
    assert rail.endswith("v") or "v" in rail
