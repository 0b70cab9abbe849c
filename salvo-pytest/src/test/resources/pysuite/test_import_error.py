import salvo_no_such_module_xyz  # noqa: F401


def test_never_runs():
    pass
