undefined_name_at_import_time  # NameError while collecting


def test_never_runs():
    pass
