import ctypes


def test_segfault():
    ctypes.string_at(0)
