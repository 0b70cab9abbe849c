from tests.pkg import helpers


def test_relative_import_works():
    assert helpers.twice(2) == 4
