import pytest

pytestmark = pytest.mark.integration


def test_needs_a_database():
    assert True
