import helper_in_cwd  # only importable when pytest runs in proj/sub: `python -m pytest` puts its cwd on sys.path


def test_uses_a_module_of_the_invocation_directory():
    assert helper_in_cwd.VALUE.startswith("from")
