import pytest

pytestmark = pytest.mark.integration


def test_connects_to_database():
    pytest.fail("needs a live database: run with -m '' against a real one")
