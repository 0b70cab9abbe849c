import pytest


@pytest.fixture
def resource():
    yield {"value": 1}


@pytest.fixture
def broken_setup():
    raise RuntimeError("setup breaks")


@pytest.fixture
def broken_teardown():
    yield
    raise RuntimeError("teardown breaks")
