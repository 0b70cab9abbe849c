import no_such_module_for_salvo_broken  # noqa: F401


def test_never():
    pass
