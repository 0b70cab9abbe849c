import pytest


@pytest.fixture
def database():
    raise ConnectionError("database is down")


def test_uses_broken_fixture(database):
    pass


def test_uses_missing_fixture(no_such_fixture):
    pass
