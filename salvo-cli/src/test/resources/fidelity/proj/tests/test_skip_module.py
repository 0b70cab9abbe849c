import pytest

pytest.skip("this whole module is skipped", allow_module_level=True)


def test_never():
    pass
